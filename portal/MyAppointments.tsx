'use client';
/** The citizen's appointments in the portal: those booked with their address, each with its manage link. */
import { useCallback, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../contract/api';
import type { AppointmentView } from '../contract/appointments';
import { textIn } from '../contract/lang';
import type { LanguageCode } from '../i18n/languages';
import { call } from '../ui/http';
import { useLoad } from '../ui/useLoad';
import styles from './portal.module.css';

export function MyAppointments({ lang }: { lang: LanguageCode }) {
  const t = useTranslations('citizenPortal.appointments');
  const tBook = useTranslations('book');
  const format = useFormatter();
  const [list, setList] = useState<AppointmentView[] | null>(null);
  const [failed, setFailed] = useState(false);
  useLoad(
    useCallback(async () => {
      try {
        setList(await call(api.portalAppointments));
      } catch {
        setFailed(true);
      }
    }, []),
  );
  return (
    <section aria-labelledby="portal-appointments-title" className={styles.section} data-testid="portal-appointments">
      <h2 id="portal-appointments-title" className={styles.sectionTitle}>
        {t('title')}
      </h2>
      {failed ? (
        <p className={styles.errorBox} role="alert">
          {t('failed')}
        </p>
      ) : null}
      {list && list.length === 0 ? (
        <p className={styles.panel}>
          {t('none')}{' '}
          <a href={`/book?lang=${lang}`} data-testid="portal-book">
            {t('book')}
          </a>
        </p>
      ) : null}
      {list && list.length > 0 ? (
        <ul className={styles.cards}>
          {list.map((a) => (
            <li key={a.id}>
              <a className={styles.procCard} href={`${a.manageUrl}?lang=${lang}`} data-testid={`portal-appointment-${a.code}`}>
                <span className={styles.procService}>{textIn(a.service.name, lang)}</span>
                <span className={styles.procMeta}>
                  {format.dateTime(new Date(a.startsAt), { dateStyle: 'full', timeStyle: 'short', timeZone: a.timeZone })}
                </span>
                <span className={styles.procMeta}>
                  {textIn(a.office.name, lang)}
                  {a.office.address ? ` · ${a.office.address}` : ''}
                </span>
                <span className={styles.procMeta}>
                  {t('code')} <bdi dir="ltr">{a.code}</bdi> · <strong>{tBook(`status.${a.displayStatus}`)}</strong>
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
