/**
 * The kiosk's view of the public HTTP API (docs/api.md). Only what the kiosk reads is typed here.
 * Every call is same-origin and relative, so the kiosk works behind any reverse proxy.
 */
import type { LanguageCode } from '../i18n/languages';
import type { listCategories, listServices } from '../server/catalog';
import type { listOffices } from '../server/offices';
import type { issueTicketView } from '../server/tickets/issue';

export type ServiceMode = 'desk' | 'appointment';
export type KioskPriority = 'none' | 'disability' | 'pregnancy' | 'elderly';
export const kioskPriorities: readonly KioskPriority[] = ['none', 'disability', 'pregnancy', 'elderly'];

// The JSON the API answers, typed from the server functions that produce it (one source of truth;
// type-only imports, so no server code reaches the browser).
export type Office = Awaited<ReturnType<typeof listOffices>>[number];
export type Category = Awaited<ReturnType<typeof listCategories>>[number];
export type Service = Awaited<ReturnType<typeof listServices>>[number];
export type IssuedTicket = Awaited<ReturnType<typeof issueTicketView>>;

/** A refusal from the API (`{error:{code,message}}`), or `status 0 / code "network"` when nothing answered. */
export class KioskApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`, e.g. `{nextOpensAt}` of `office_closed`. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 15_000;

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      signal: ctrl.signal,
      cache: 'no-store',
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch (e) {
    throw new KioskApiError(0, 'network', e instanceof Error ? e.message : 'network error');
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) {
    let code = `http_${res.status}`;
    let message = res.statusText;
    let details: unknown;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
      if (body?.error?.code) code = body.error.code;
      if (body?.error?.message) message = body.error.message;
      details = body?.error?.details;
    } catch {
      /* not JSON: keep the status */
    }
    throw new KioskApiError(res.status, code, message, details);
  }
  try {
    return (await res.json()) as T;
  } catch {
    throw new KioskApiError(res.status, 'bad_response', 'The answer was not JSON');
  }
}

const qs = (params: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
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
    request<Office[]>('/api/offices').catch(() => [] as Office[]),
    request<Category[]>(`/api/categories${qs({ officeId })}`),
    request<Service[]>('/api/services'),
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

export function issueTicket(body: {
  serviceId: string;
  priority: KioskPriority;
  lang: LanguageCode;
  kioskId?: string;
}): Promise<IssuedTicket> {
  return request<IssuedTicket>('/api/tickets', { method: 'POST', body: JSON.stringify(body) });
}

/** Which translated message explains an error to the citizen. */
export type ErrorKind = 'network' | 'tooMany' | 'byAppointment' | 'notFound' | 'closed' | 'unavailable' | 'generic';

/** The office stopped issuing walk-in tickets (closing time raced the citizen): when it opens again. */
export function officeClosed(e: unknown): { nextOpensAt?: string } | null {
  if (!(e instanceof KioskApiError) || e.code !== 'office_closed') return null;
  const next = (e.details as { nextOpensAt?: unknown } | undefined)?.nextOpensAt;
  return { nextOpensAt: typeof next === 'string' ? next : undefined };
}

export function errorKind(e: unknown): ErrorKind {
  if (!(e instanceof KioskApiError)) return 'generic';
  if (e.code === 'network' || e.status === 0) return 'network';
  if (e.code === 'service_by_appointment') return 'byAppointment';
  if (e.status === 429 || e.code === 'rate_limited' || e.code === 'too_many_requests') return 'tooMany';
  if (e.status === 404) return 'notFound';
  if (/closed|not_open|paused/.test(e.code)) return 'closed';
  if (e.status === 503 || e.status === 502 || e.status === 504) return 'unavailable';
  return 'generic';
}

/** Names are stored in Italian and English; other languages fall back to English. */
export function pick(lang: LanguageCode, it: string, en: string): string {
  return lang === 'it' ? it : en || it;
}
