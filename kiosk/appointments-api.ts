/**
 * The kiosk's part of the appointments API: check-in with a code or a scanned QR code, the next
 * free slots of a service, booking on the spot. Same-origin, relative URLs, like kiosk/api.ts.
 */
import type { LanguageCode } from '../i18n/languages';

export class AppointmentApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | null,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 15_000;

async function call<T>(url: string, body?: unknown): Promise<T> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      signal: ctrl.signal,
      cache: 'no-store',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new AppointmentApiError(0, 'network', 'network error', null);
  } finally {
    clearTimeout(timer);
  }
  const json = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: Record<string, unknown> };
  } | null;
  if (!res.ok)
    throw new AppointmentApiError(
      res.status,
      json?.error?.code ?? `http_${res.status}`,
      json?.error?.message ?? res.statusText,
      json?.error?.details ?? null,
    );
  return json as T;
}

export interface CheckInResult {
  already: boolean;
  late: boolean;
  ticket: {
    id: string;
    code: string;
    number: string;
    status: string;
    priority: string;
    position: number;
    estimatedWaitMinutes: number;
    statusUrl: string;
    service: { id: string; nameIt: string; nameEn: string; prefix: string };
    office: { id: string; name: string; nameEn: string };
    issuedAt: string;
    print?: { status: 'queued' | 'unavailable'; reason?: string } | null;
  };
  appointment: {
    code: string;
    startsAt: string;
    day: string;
    time: string;
    office: { id: string; name: string; nameEn: string; address: string };
    service: { id: string; nameIt: string; nameEn: string };
  };
}

export function checkInAppointment(body: {
  code: string;
  lang: LanguageCode;
  kioskId?: string;
  walkIn?: boolean;
}): Promise<CheckInResult> {
  return call<CheckInResult>('/api/appointments/check-in', body);
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
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  const a = await call<{ timeZone: string; days: { day: string; slots: { startsAt: string; time: string; free: number }[] }[] }>(
    `/api/appointments/availability?${new URLSearchParams({ serviceId, officeId, from: today, to })}`,
  );
  const slots = a.days
    .flatMap((d) => d.slots.filter((s) => s.free > 0).map((s) => ({ startsAt: s.startsAt, day: d.day, time: s.time })))
    .slice(0, limit);
  return { slots, timeZone: a.timeZone };
}

export interface KioskBooking {
  id: string;
  code: string;
  startsAt: string;
  day: string;
  time: string;
  timeZone: string;
  token: string;
  qrUrl: string;
  office: { id: string; name: string; nameEn: string; address: string };
  service: { id: string; nameIt: string; nameEn: string };
}

export function bookAtKiosk(body: {
  serviceId: string;
  officeId: string;
  startsAt: string;
  name: string;
  lang: LanguageCode;
  kioskId?: string;
}): Promise<KioskBooking> {
  return call<KioskBooking>('/api/appointments', { ...body, privacyConsent: true, channel: 'kiosk' });
}
