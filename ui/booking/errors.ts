/** The appointment screens' error messages: server codes with their own text under book.errors. */
import { ApiError } from '../http';

const known = new Set([
  'network',
  'slot_full',
  'slot_unavailable',
  'not_bookable',
  'rate_limited',
  'token_invalid',
  'token_expired',
  'token_revoked',
  'change_deadline_passed',
  'already_cancelled',
  'not_changeable',
  'changed_meanwhile',
  'same_slot',
  'invalid_input',
  'unauthorized',
  'booking_expired',
  'confirm_invalid',
  'contact_limit',
]);

/** The key under book.* of the message for any thrown value. */
export function errorKey(e: unknown): string {
  if (e instanceof ApiError) {
    if (known.has(e.code)) return `errors.${e.code}`;
    if (e.status === 429) return 'errors.rate_limited';
    if (e.status === 400 || e.status === 422) return 'errors.invalid_input';
  }
  return 'errors.generic';
}
