import { randomBytes } from 'node:crypto';

/**
 * Booking codes: 8 characters from 32 that cannot be mistaken for each other when read aloud or
 * typed from paper (no 0/O, no 1/I), 40 random bits. Shown as "ABCD-EFGH"; typed in any case,
 * with or without the dash or spaces.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const BOOKING_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{8}$/;

export function newBookingCode(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** "abcd-efgh " → "ABCDEFGH". */
export function normaliseBookingCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

export function formatBookingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
