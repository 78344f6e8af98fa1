'use client';
/**
 * "The office is closed. It opens again on Monday 1 December at 8:30." — the kiosk's words when
 * its office issues no walk-in tickets now (outside its hours, a holiday, a closure, or past the
 * last-ticket time). Plain, large and in the office's own time, whatever the kiosk PC's clock zone.
 */
import type { RefObject } from 'react';
import { useTranslations } from '../ui/intl';
import type { LanguageCode } from '../i18n/languages';
import { opensAgain } from '../ui/opensAgain';
import { ClockIcon } from './icons';
import styles from './closed-notice.module.css';

/** The sentence saying when tickets are issued again: today, tomorrow, or on a named day. */
export function useOpensAgain(lang: LanguageCode, nextOpensAt: string | undefined, timeZone: string): string {
  const t = useTranslations('kiosk.closed');
  const when = opensAgain(lang, nextOpensAt, timeZone);
  return when.key === 'noNext' ? t('noNext') : t(when.key, when.values);
}

export function ClosedNotice({
  lang,
  nextOpensAt,
  timeZone,
  headingRef,
}: {
  lang: LanguageCode;
  nextOpensAt?: string;
  timeZone: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useTranslations('kiosk.closed');
  const opens = useOpensAgain(lang, nextOpensAt, timeZone);
  return (
    <div className={styles.closedNotice} data-testid="kiosk-closed">
      <span className={styles.closedIcon} aria-hidden="true">
        <ClockIcon />
      </span>
      <div>
        <h1 ref={headingRef} tabIndex={-1} className={styles.closedTitle}>
          {t('title')}
        </h1>
        <p className={styles.closedText} data-testid="kiosk-closed-opens" data-summary="">
          {opens}
        </p>
        <p className={styles.closedHint} data-summary="">
          {t('noTickets')}
        </p>
      </div>
    </div>
  );
}
