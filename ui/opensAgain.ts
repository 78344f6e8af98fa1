/**
 * When a closed office issues walk-in tickets again, in the office's own time whatever the
 * screen's clock zone: today, tomorrow, or on a named day. Pure, so the kiosk's sentence and the
 * display's notice say the same thing; each screen picks its own words for the result.
 */
import { localeOf } from '../contract/languages';
import type { LanguageCode } from '../i18n/languages';

export type OpensAgain =
  | { key: 'noNext' }
  | { key: 'opensToday' | 'opensTomorrow'; values: { time: string } }
  | { key: 'opensOn'; values: { day: string; time: string } };

/** The local calendar day of an instant in a time zone, YYYY-MM-DD. */
function dayIn(at: Date, timeZone: string): string {
  return at.toLocaleDateString('sv-SE', { timeZone });
}

export function opensAgain(lang: LanguageCode, nextOpensAt: string | undefined, timeZone: string, now = new Date()): OpensAgain {
  if (!nextOpensAt) return { key: 'noNext' };
  const at = new Date(nextOpensAt);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  // "8:30", not "08:30": how people say it.
  const time = `${hour}:${minute}`;
  const day = dayIn(at, timeZone);
  if (day === dayIn(now, timeZone)) return { key: 'opensToday', values: { time } };
  if (day === dayIn(new Date(now.getTime() + 86_400_000), timeZone)) return { key: 'opensTomorrow', values: { time } };
  // British English, "Monday 30 November" (plain `en` says "Monday, November 30").
  const date = new Intl.DateTimeFormat(localeOf(lang), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(at);
  return { key: 'opensOn', values: { day: date, time } };
}
