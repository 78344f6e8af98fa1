/**
 * Shared steps of the integration tests: finding the one-stop desk and its services, issuing
 * tickets, logging clerks in, creating extra clerks and counters, and socket.io clients.
 */
import { io as connectIo, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import type { Priority } from '../../server/db/generated/enums';
import { compareCandidates, queueScore, skillBoostMs } from '../../server/queue/policy';
import type { Ack } from '../../contract/realtime';
import { ApiClient } from './api';
import type { TestSpace } from './services';

export interface ServiceRow {
  id: string;
  code: string;
  prefix: string;
  name: string;
  mode: 'desk' | 'appointment';
  officeId: string;
}

export interface OneStop {
  officeId: string;
  /** Desk services of the one-stop desk, in kiosk order. */
  desk: ServiceRow[];
  /** Appointment-only services (served by the specialist offices). */
  appointment: ServiceRow[];
  /** One desk service per distinct prefix, in kiosk order. */
  byPrefix: Map<string, ServiceRow>;
}

export async function oneStop(url: string): Promise<OneStop> {
  const api = new ApiClient(url);
  const offices = await api.get('/api/offices');
  const office = offices.body.find((o: { isOneStop: boolean }) => o.isOneStop);
  const services = (await api.get('/api/services?lang=en')).body as ServiceRow[];
  const desk = services.filter((s) => s.mode === 'desk' && s.officeId === office.id);
  const byPrefix = new Map<string, ServiceRow>();
  for (const s of desk) if (!byPrefix.has(s.prefix)) byPrefix.set(s.prefix, s);
  return { officeId: office.id, desk, appointment: services.filter((s) => s.mode === 'appointment'), byPrefix };
}

/** The session cookie an ApiClient holds after login (to hand to a socket). */
export function cookieOf(client: ApiClient): string {
  return (client as unknown as { cookie: string }).cookie;
}

export async function clerk(url: string, username: string): Promise<ApiClient> {
  const c = new ApiClient(url);
  await c.login(username);
  return c;
}

export async function issue(api: ApiClient, serviceId: string, priority: Priority = 'none') {
  const r = await api.post('/api/tickets', { serviceId, priority });
  if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; code: string; number: string; status: string; position: number };
}

/** Counters of the office, by number. */
export async function countersByNumber(space: TestSpace, officeId: string) {
  const rows = await space.db.counter.findMany({ where: { officeId }, orderBy: { number: 'asc' } });
  return new Map(rows.map((c) => [c.number, c]));
}

export async function openCounter(c: ApiClient, counterId: string, serviceIds?: string[]) {
  const r = await c.post(`/api/counters/${counterId}/open`, serviceIds ? { serviceIds } : undefined);
  if (r.status !== 200) throw new Error(`open ${counterId} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * Extra operators `<prefix>1..n` (password "sportello") with the given skills, plus counters so
 * that the office has at least `counters` of them. Returns the usernames.
 */
export async function createClerks(
  space: TestSpace,
  opts: { officeId: string; prefix: string; n: number; skills: { serviceId: string; weight: number }[]; counters: number },
): Promise<string[]> {
  const passwordHash = await hashPassword('sportello');
  const names: string[] = [];
  for (let i = 1; i <= opts.n; i++) {
    const username = `${opts.prefix}${i}`;
    await space.db.staff.create({
      data: {
        username,
        displayName: `Extra clerk ${i}`,
        passwordHash,
        role: 'operator',
        skills: { create: opts.skills.map((s) => ({ serviceId: s.serviceId, weight: s.weight })) },
      },
    });
    names.push(username);
  }
  const existing = await space.db.counter.findMany({ where: { officeId: opts.officeId }, select: { number: true } });
  const numbers = new Set(existing.map((c) => c.number));
  for (let n = 1; numbers.size < opts.counters; n++) {
    if (numbers.has(n)) continue;
    await space.db.counter.create({ data: { officeId: opts.officeId, number: n, name: `Sportello ${n}` } });
    numbers.add(n);
  }
  return names;
}

/** Rank of a waiting ticket for a counter, as server/queue/policy.ts defines it (lower = first). */
export function rankOf(t: { id: string; queuedAt: Date; priority: Priority }, weight = 1) {
  return { id: t.id, score: queueScore(t.queuedAt, t.priority), boostMs: skillBoostMs(weight) };
}

/** Ticket ids in the order a counter with these skill weights must call them. */
export function expectedOrder(
  tickets: { id: string; queuedAt: Date; priority: Priority; serviceId: string }[],
  weights: Map<string, number>,
): string[] {
  return tickets
    .map((t) => rankOf(t, weights.get(t.serviceId) ?? 1))
    .sort(compareCandidates)
    .map((c) => c.id);
}

/** Call next → (start) → complete until 204; returns the ticket ids in call order. */
export async function serveAll(c: ApiClient, counterId: string, max = 1000): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < max; i++) {
    const r = await c.post(`/api/counters/${counterId}/call-next`);
    if (r.status === 204) return ids;
    if (r.status !== 200) throw new Error(`call-next failed: ${r.status} ${JSON.stringify(r.body)}`);
    ids.push(r.body.ticket.id);
    const done = await c.post(`/api/tickets/${r.body.ticket.id}/complete`, { outcome: 'done' });
    if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
  }
  throw new Error('serveAll: queue never emptied');
}

/** Asserts the documented error shape `{error:{code,message}}`, the status and (optionally) the code. */
// `any` like ApiClient's answers: the body is whatever the server sent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectApiError(res: { status: number; body: any }, status: number, code?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body, `status ${res.status}: not the JSON error shape`).toMatchObject({
    error: { code: expect.any(String), message: expect.any(String) },
  });
  if (code) expect(res.body.error.code).toBe(code);
}

// ---------------------------------------------------------------------------------------------
// socket.io
// ---------------------------------------------------------------------------------------------

export async function connectSocket(url: string, cookie?: string): Promise<Socket> {
  const socket = connectIo(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not connect')), 10_000);
    socket.once('connect', () => (clearTimeout(timer), resolve()));
    socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
  });
  return socket;
}

export async function subscribe<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
  return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
}

/**
 * Collects every `event` the socket receives from now on; `next(pred)` resolves with the first
 * collected (or future) one matching, or rejects after a generous liveness timeout.
 */
export function collect<T>(socket: Socket, event: string) {
  const seen: T[] = [];
  const waiters: { pred: (v: T) => boolean; resolve: (v: T) => void }[] = [];
  socket.on(event, (v: T) => {
    seen.push(v);
    for (const w of [...waiters]) {
      if (w.pred(v)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(v);
      }
    }
  });
  return {
    seen,
    next(pred: (v: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
      const hit = seen.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching '${event}' within ${timeoutMs} ms; got ${JSON.stringify(seen)}`)),
          timeoutMs,
        );
        waiters.push({ pred, resolve: (v) => (clearTimeout(timer), resolve(v)) });
      });
    },
  };
}

/** A client that sends the given Cookie header (forged, expired, malformed...). */
export function clientWithCookie(url: string, cookie: string): ApiClient {
  const c = new ApiClient(url);
  (c as unknown as { cookie: string }).cookie = cookie;
  return c;
}
