'use client';
/**
 * "The office is closed. It opens again on Monday 1 December at 8:30." — the kiosk's words when
 * its office issues no walk-in tickets now (outside its hours, a holiday, a closure, or past the
 * last-ticket time). Plain, large and in the office's own time, whatever the kiosk PC's clock zone.
 */
import type { RefObject } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import { ClockIcon } from './icons';
import styles from './kiosk.module.css';

/** The local calendar day of an instant in a time zone, YYYY-MM-DD. */
function dayIn(at: Date, timeZone: string): string {
  return at.toLocaleDateString('sv-SE', { timeZone });
}

/** The sentence saying when tickets are issued again: today, tomorrow, or on a named day. */
export function useOpensAgain(lang: LanguageCode, nextOpensAt: string | undefined, timeZone: string): string {
  const t = useTranslations('kiosk.closed');
  if (!nextOpensAt) return t('noNext');
  const at = new Date(nextOpensAt);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  // "8:30", not "08:30": how people say it.
  const time = `${hour}:${minute}`;
  const now = new Date();
  const day = dayIn(at, timeZone);
  if (day === dayIn(now, timeZone)) return t('opensToday', { time });
  if (day === dayIn(new Date(now.getTime() + 86_400_000), timeZone)) return t('opensTomorrow', { time });
  const date = new Intl.DateTimeFormat(lang, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(at);
  return t('opensOn', { day: date, time });
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
        <p className={styles.closedText} data-testid="kiosk-closed-opens">
          {opens}
        </p>
        <p className={styles.closedHint}>{t('noTickets')}</p>
      </div>
    </div>
  );
}
