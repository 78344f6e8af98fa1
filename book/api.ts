/** The booking pages' view of the public appointments API (server/openapi.ts). Same-origin, relative URLs. */

export interface BookOffice {
  id: string;
  name: string;
  nameEn: string;
  address: string;
}

export interface BookService {
  id: string;
  code: string;
  nameIt: string;
  nameEn: string;
  keywords: string;
  category: { id: string; slug: string; nameIt: string; nameEn: string; icon: string; sortOrder: number };
  offices: BookOffice[];
}

export interface SlotInfo {
  startsAt: string;
  time: string;
  free: number;
}

export interface DayInfo {
  day: string;
  closed: { kind: 'holiday' | 'patron' | 'closure'; nameIt: string; nameEn: string } | null;
  free: number;
  slots: SlotInfo[];
}

export interface Availability {
  timeZone: string;
  slotMinutes: number;
  firstDay: string;
  lastDay: string;
  days: DayInfo[];
}

export type DisplayStatus = 'pending' | 'expired' | 'booked' | 'checked_in' | 'serving' | 'done' | 'no_show' | 'cancelled';

export interface AppointmentView {
  id: string;
  code: string;
  status: 'pending' | 'expired' | 'booked' | 'checked_in' | 'cancelled' | 'no_show';
  displayStatus: DisplayStatus;
  startsAt: string;
  endsAt: string;
  day: string;
  time: string;
  timeZone: string;
  office: BookOffice;
  service: { id: string; code: string; nameIt: string; nameEn: string };
  name: string | null;
  email: string | null;
  phone: string | null;
  canChange: boolean;
  changeDeadline: string;
  token: string;
  manageUrl: string;
  qrUrl: string;
  icsUrl: string;
}

/** The answer to an online booking: held until `holdUntil`, confirmed through the e-mailed link. */
export interface PendingBooking {
  id: string;
  status: 'pending';
  holdUntil: string;
  startsAt: string;
  day: string;
  time: string;
  timeZone: string;
  office: BookOffice;
  service: { id: string; code: string; nameIt: string; nameEn: string };
  email: string;
}

export class BookApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function request<T>(url: string, init?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init?.method ?? 'GET',
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(init?.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new BookApiError(0, 'network', 'Network error');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new BookApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
  }
  return json as T;
}

export const loadServices = () => request<BookService[]>('/api/appointments/services');

export const loadAvailability = (serviceId: string, officeId: string, from: string, to: string) =>
  request<Availability>(`/api/appointments/availability?${new URLSearchParams({ serviceId, officeId, from, to })}`);

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
  if (e instanceof BookApiError) {
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

export function searchServices(list: BookService[], query: string): BookService[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((s) => {
    const hay = fold(`${s.nameIt} ${s.nameEn} ${s.keywords} ${s.category.nameIt} ${s.category.nameEn}`).split(/[^a-z0-9]+/);
    return words.every((w) => hay.some((h) => h.startsWith(w)));
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
