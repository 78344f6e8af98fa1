'use client';
/** Services as big buttons, in a category and in search results. */
import { textIn } from '../../contract/languages';
import type { Service } from '../../contract/catalog';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import styles from './service-tile.module.css';
import { CalendarIcon, ChevronIcon } from '../icons';
import { Emoji } from '../Emoji';

/** The tiles of `services`; `className` adds the screen's layout (inner scrolling, one column). */
export function ServiceList({
  services,
  lang,
  onChoose,
  showCategory,
  className,
}: {
  services: Service[];
  lang: LanguageCode;
  onChoose: (s: Service) => void;
  showCategory?: boolean;
  className?: string;
}) {
  return (
    <ul className={className ? `${styles.serviceList} ${className}` : styles.serviceList}>
      {services.map((s) => (
        <li key={s.id}>
          <ServiceTile service={s} lang={lang} onChoose={onChoose} showCategory={showCategory} />
        </li>
      ))}
    </ul>
  );
}

function ServiceTile({
  service: s,
  lang,
  onChoose,
  showCategory,
}: {
  service: Service;
  lang: LanguageCode;
  onChoose: (s: Service) => void;
  showCategory?: boolean;
}) {
  const t = useTranslations('kiosk');
  const byAppointment = s.mode === 'appointment';
  return (
    <button
      type="button"
      className={byAppointment ? `${styles.serviceTile} ${styles.serviceTileAppointment}` : styles.serviceTile}
      data-testid={`kiosk-service-${s.code}`}
      data-mode={s.mode}
      onClick={() => onChoose(s)}
    >
      <span className={styles.serviceText}>
        <span className={styles.serviceName}>{textIn(s.names, lang)}</span>
        {showCategory && !byAppointment ? (
          <span className={styles.serviceMeta}>
            <Emoji text={s.category.icon} />
            {textIn(s.category.names, lang)}
          </span>
        ) : null}
        {byAppointment ? (
          <span className={styles.serviceMeta}>
            <CalendarIcon />
            {t('byAppointmentBadge', { office: textIn(s.office.names, lang) })}
          </span>
        ) : null}
      </span>
      <ChevronIcon />
    </button>
  );
}
