import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';

/** Each time zone's current local day and its bounds in UTC, so most calls need no time-zone arithmetic. */
const days = new Map<string, { day: string; from: number; to: number }>();

/**
 * The office's business day (YYYY-MM-DD) in its own time zone: numbering restarts at local
 * midnight. Asked for every ticket: the day found last is kept with its bounds (luxon's zone
 * arithmetic was about 4 % of issuing's CPU).
 */
export function businessDay(at: Date, timeZone: string): string {
  const ms = at.getTime();
  const known = days.get(timeZone);
  if (known && ms >= known.from && ms < known.to) return known.day;
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  const day = local.toISODate();
  if (!day) throw new Error(`Invalid time zone ${timeZone}`);
  const start = local.startOf('day');
  days.set(timeZone, { day, from: start.toMillis(), to: start.plus({ days: 1 }).toMillis() });
  return day;
}

/** A012: the service prefix and the daily sequence, at least three digits. */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

const CODE_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * The public code of the phone page: 16 characters from a 32-letter alphabet without look-alikes
 * (80 random bits), so nobody can guess another citizen's ticket page.
 */
export function newPublicCode(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b & 31];
  return out;
}
