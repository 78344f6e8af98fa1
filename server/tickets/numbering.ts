import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';

/** The office's business day (YYYY-MM-DD) in its own time zone: numbering restarts at local midnight. */
export function businessDay(at: Date, timeZone: string): string {
  const day = DateTime.fromJSDate(at, { zone: timeZone }).toISODate();
  if (!day) throw new Error(`Invalid time zone ${timeZone}`);
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
