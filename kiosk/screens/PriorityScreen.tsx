'use client';
/** The priority step: a declared need moves the ticket ahead. */
import { textIn } from '../../contract/languages';
import type { Service } from '../../contract/catalog';
import type { ComponentType } from 'react';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import styles from '../kiosk.module.css';
import access from '../access.module.css';
import local from './priority.module.css';
import type { HeadingRef } from './heading';
import { BackButton } from './BackButton';
import type { KioskPriority } from '../api';
import { CheckIcon, ElderlyIcon, PregnantIcon, WheelchairIcon } from '../icons';

const priorityChoices: { value: Exclude<KioskPriority, 'none'>; key: string; Icon: ComponentType }[] = [
  { value: 'disability', key: 'priorityDisability', Icon: WheelchairIcon },
  { value: 'pregnancy', key: 'priorityPregnancy', Icon: PregnantIcon },
  { value: 'elderly', key: 'priorityElderly', Icon: ElderlyIcon },
];

export function PriorityScreen({
  lang,
  headingRef,
  service,
  onBack,
  onChoose,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  service: Service;
  onBack: () => void;
  onChoose: (p: KioskPriority) => void;
}) {
  const t = useTranslations('kiosk');
  return (
    <div className={styles.screen}>
      <div className={styles.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={styles.title} id="kiosk-priority-title">
          {t('priorityTitle')}
        </h1>
      </div>
      <div className={styles.scroll}>
        <p className={styles.lead} data-summary="">
          {t('priorityService', { service: textIn(service.names, lang) })}
        </p>
        <p className={styles.explain} data-summary="">
          {t('priorityExplain')}
        </p>
        <div className={`${local.priorityGrid} ${access.lowTiles}`} role="group" aria-labelledby="kiosk-priority-title">
          <button
            type="button"
            className={`${local.priorityTile} ${local.priorityNone}`}
            data-testid="kiosk-priority-none"
            onClick={() => onChoose('none')}
          >
            <span className={local.priorityIcon}>
              <CheckIcon />
            </span>
            <span className={local.priorityText}>
              <span className={local.priorityLabel}>{t('priorityNone')}</span>
              <span className={local.priorityHint}>{t('priorityNoneHint')}</span>
            </span>
          </button>
          {priorityChoices.map(({ value, key, Icon }) => (
            <button
              key={value}
              type="button"
              className={local.priorityTile}
              data-testid={`kiosk-priority-${value}`}
              onClick={() => onChoose(value)}
            >
              <span className={local.priorityIcon}>
                <Icon />
              </span>
              <span className={local.priorityText}>
                <span className={local.priorityLabel}>{t(key)}</span>
              </span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
