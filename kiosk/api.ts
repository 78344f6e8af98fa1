/**
 * The kiosk's calls of the public HTTP API (ui/http.ts, typed by contract/api.ts): the catalogue,
 * walk-in tickets, and the appointments part (check-in with a code or a scanned QR code, the next
 * free slots of a service, booking on the spot). A kiosk call gives up after 15 seconds.
 */
import type { Api } from '../contract/api';
import type { AppointmentView, CheckInAnswer } from '../contract/appointments';
import type { Category } from '../contract/catalog';
import type { WalkInPriority } from '../contract/enums';
import type { Office } from '../contract/offices';
import type { Service } from '../contract/catalog';
import { codeFromScan } from '../contract/scan';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call, route } from '../ui/http';

export type KioskPriority = WalkInPriority;
export const kioskPriorities: readonly KioskPriority[] = ['none', 'disability', 'pregnancy', 'elderly'];

const kiosk = { timeoutMs: 15_000 };

// The kiosk's endpoints by route, not from contract/api.ts: the contract's schemas (zod, luxon)
// would weigh more than the whole kiosk.
const api = {
  offices: route<Api['offices']>('GET', '/api/offices'),
  categories: route<Api['categories']>('GET', '/api/categories'),
  services: route<Api['services']>('GET', '/api/services'),
  issueTicket: route<Api['issueTicket']>('POST', '/api/tickets'),
  checkIn: route<Api['checkIn']>('POST', '/api/appointments/check-in'),
  availability: route<Api['availability']>('GET', '/api/appointments/availability'),
  book: route<Api['book']>('POST', '/api/appointments'),
  trackProcedure: route<Api['trackProcedure']>('GET', '/api/procedures/track/{trackingCode}'),
};

export type WalkIn = Office['walkIn'];

export interface KioskCatalog {
  office: Office | null;
  /** Whether the kiosk's office issues walk-in tickets now; closed: desk services are not offered. */
  walkIn: WalkIn;
  offices: Office[];
  categories: Category[];
  /** Services the kiosk offers: desk services of its office, then appointment services elsewhere. */
  services: Service[];
}

/**
 * Loads what the start screen shows. The kiosk's office is `officeId`, or the one-stop desk.
 * It offers the desk services of that office plus, inside the same categories, the services that
 * are handled by appointment (at any office), so the citizen learns where to book them. While the
 * office is closed for walk-ins only the appointment services remain.
 */
export async function loadCatalog(officeId: string | undefined): Promise<KioskCatalog> {
  const [offices, categories, services] = await Promise.all([
    call(api.offices, {}, kiosk).catch((): Office[] => []),
    call(api.categories, { query: { officeId } }, kiosk),
    call(api.services, {}, kiosk),
  ]);
  const office = offices.find((o) => o.id === officeId) ?? (officeId ? null : (offices.find((o) => o.isOneStop) ?? null));
  const hereId = officeId ?? office?.id;
  const isHere = (s: Service) => (hereId ? s.officeId === hereId : true);
  const walkIn: WalkIn = office?.walkIn ?? { open: true };
  const desk = walkIn.open ? services.filter((s) => s.mode === 'desk' && isHere(s)) : [];
  const categoryIds = new Set(categories.map((c) => c.id));
  const byAppointment = services.filter((s) => s.mode === 'appointment' && categoryIds.has(s.category.id));
  const offered = [...desk, ...byAppointment];
  const used = new Set(offered.map((s) => s.category.id));
  return {
    office,
    walkIn,
    offices,
    categories: categories.filter((c) => used.has(c.id)).sort((a, b) => a.sortOrder - b.sortOrder),
    services: offered,
  };
}

export function issueTicket(body: { serviceId: string; priority: KioskPriority; lang: LanguageCode; kioskId?: string }) {
  return call(api.issueTicket, { body }, kiosk);
}

/** Which translated message explains an error to the citizen. */
export type ErrorKind = 'network' | 'tooMany' | 'byAppointment' | 'notFound' | 'closed' | 'unavailable' | 'generic';

/** The office stopped issuing walk-in tickets (closing time raced the citizen): when it opens again. */
export function officeClosed(e: unknown): { nextOpensAt?: string } | null {
  if (!(e instanceof ApiError) || e.code !== 'office_closed') return null;
  const next = (e.details as { nextOpensAt?: unknown } | undefined)?.nextOpensAt;
  return { nextOpensAt: typeof next === 'string' ? next : undefined };
}

export function errorKind(e: unknown): ErrorKind {
  if (!(e instanceof ApiError)) return 'generic';
  if (e.code === 'network' || e.status === 0) return 'network';
  if (e.code === 'service_by_appointment') return 'byAppointment';
  if (e.status === 429 || e.code === 'rate_limited' || e.code === 'too_many_requests') return 'tooMany';
  if (e.status === 404) return 'notFound';
  if (/closed|not_open|paused/.test(e.code)) return 'closed';
  if (e.status === 503 || e.status === 502 || e.status === 504) return 'unavailable';
  return 'generic';
}

// -------------------------------------------------------------------------------- appointments

export type CheckInResult = CheckInAnswer;

export function checkInAppointment(body: { code: string; lang: LanguageCode; kioskId?: string; walkIn?: boolean }) {
  return call(api.checkIn, { body }, kiosk);
}

export interface FreeSlot {
  startsAt: string;
  day: string;
  time: string;
}

/** The first free slots of a service at an office, from today on (at most `limit`). */
export async function nextFreeSlots(
  serviceId: string,
  officeId: string,
  limit = 8,
): Promise<{ slots: FreeSlot[]; timeZone: string }> {
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  const a = await call(api.availability, { query: { serviceId, officeId, from, to } }, kiosk);
  const slots = a.days
    .flatMap((d) => d.slots.filter((s) => s.free > 0).map((s) => ({ startsAt: s.startsAt, day: d.day, time: s.time })))
    .slice(0, limit);
  return { slots, timeZone: a.timeZone };
}

export function bookAtKiosk(body: {
  serviceId: string;
  officeId: string;
  startsAt: string;
  name: string;
  lang: LanguageCode;
  kioskId?: string;
}) {
  // A registered kiosk books at once: the answer is the appointment, never a pending booking.
  return call(api.book, { body: { ...body, privacyConsent: true, channel: 'kiosk' } }, kiosk) as Promise<AppointmentView>;
}

/** A procedure's public status, from its tracking code or the whole tracking address a scanner reads. */
export function trackRequest(scanned: string) {
  return call(api.trackProcedure, { params: { trackingCode: codeFromScan(scanned) } });
}
