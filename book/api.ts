/** The booking pages' calls of the public appointments API, and their plain helpers. */
import { api } from '../contract/api';
import type { BookableService } from '../contract/appointments';
import { ApiError, call } from '../ui/http';

export const loadServices = () => call(api.bookableServices);

export const loadAvailability = (serviceId: string, officeId: string, from: string, to: string) =>
  call(api.availability, { query: { serviceId, officeId, from, to } });

/** Error codes with their own message under book.errors. */
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

export function errorKey(e: unknown): string {
  if (e instanceof ApiError) {
    if (known.has(e.code)) return `errors.${e.code}`;
    if (e.status === 429) return 'errors.rate_limited';
    if (e.status === 400 || e.status === 422) return 'errors.invalid_input';
  }
  return 'errors.generic';
}

/** Lower case without accents, for the service search. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Services whose names (in any language: a resident may know the Italian word), keywords or
 * category start a word with each word typed. Chinese writes no spaces: a Han word matches anywhere.
 */
export function searchServices(list: BookableService[], query: string): BookableService[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((s) => {
    const text = fold([...Object.values(s.name), s.keywords, ...Object.values(s.category.name)].join(' '));
    const hay = text.split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => hay.some((h) => h.startsWith(w)) || (/\p{Script=Han}/u.test(w) && text.includes(w)));
  });
}

/** YYYY-MM-DD arithmetic on plain calendar days (no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

export function lastDayOfMonth(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}
