import { ApiClient } from '../test/helpers/api';
import { BenchClient } from './client';
import type { TestSpace } from '../test/helpers/services';
import { hashPassword } from '../server/auth/password';
import { inParallel, timed } from './measure';
import { kioskScreen } from '../test/helpers/kiosks';

/** A clerk logged in at a counter of their own, serving the bench's services. */
export interface BenchClerk {
  api: BenchClient;
  counterId: string;
}

export interface BenchOffice {
  officeId: string;
  serviceIds: string[];
}

export async function benchOffice(space: TestSpace): Promise<BenchOffice> {
  const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
  const services = await space.db.service.findMany({ where: { officeId: office.id, mode: 'desk', active: true }, take: 5 });
  return { officeId: office.id, serviceIds: services.map((s) => s.id) };
}

let clerkSerial = 0;

/** `n` new clerks, each logged in (through `urls`, in turn) with an open counter of their own. */
export async function openCounters(space: TestSpace, office: BenchOffice, urls: string[], n: number): Promise<BenchClerk[]> {
  const hash = await hashPassword('bench');
  const clerks: BenchClerk[] = [];
  for (let i = 0; i < n; i++) {
    const k = clerkSerial++;
    const staff = await space.db.staff.create({ data: { username: `bench${k}`, displayName: `Bench ${k}`, passwordHash: hash } });
    await space.db.skill.createMany({
      data: office.serviceIds.map((serviceId) => ({ staffId: staff.id, serviceId, weight: 1 })),
    });
    const counter = await space.db.counter.create({ data: { officeId: office.officeId, number: 100 + k, name: `Bench ${k}` } });
    const api = new ApiClient(urls[i % urls.length]);
    await api.login(`bench${k}`, 'bench');
    const r = await api.post(`/api/counters/${counter.id}/open`);
    if (r.status >= 300) throw new Error(`open counter: ${r.status} ${JSON.stringify(r.body)}`);
    clerks.push({ api: new BenchClient(urls[i % urls.length], api.cookieHeader), counterId: counter.id });
  }
  return clerks;
}

export async function closeCounters(clerks: BenchClerk[]): Promise<void> {
  for (const c of clerks) await c.api.post(`/api/counters/${c.counterId}/close`);
}

const kiosks = new Map<string, string>();

/** The cookie of a paired kiosk screen on that process (priority tickets need one). */
async function kioskCookie(url: string, officeId: string): Promise<string> {
  let cookie = kiosks.get(url);
  if (!cookie) kiosks.set(url, (cookie = (await kioskScreen(url, officeId)).cookieHeader));
  return cookie;
}

/** Issues `count` tickets from `clients` parallel callers sharing a paired kiosk's credential, spread over `urls`. */
export async function issueTickets(
  urls: string[],
  office: BenchOffice,
  count: number,
  clients: number,
  latencies: number[] = [],
): Promise<{ codes: string[]; seconds: number }> {
  const cookies = await Promise.all(urls.map((u) => kioskCookie(u, office.officeId)));
  const apis = Array.from({ length: clients }, (_, i) => new BenchClient(urls[i % urls.length], cookies[i % urls.length]));
  const codes: string[] = [];
  let next = 0;
  const t0 = performance.now();
  await inParallel(clients, async (client) => {
    const i = next++;
    if (i >= count) return false;
    const r = await timed(
      () =>
        apis[client].post('/api/tickets', {
          serviceId: office.serviceIds[i % office.serviceIds.length],
          priority: i % 10 === 0 ? 'elderly' : 'none',
        }),
      latencies,
    );
    if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.body)}`);
    codes.push(r.body.code as string);
    return true;
  });
  return { codes, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The clerk calls next and completes the ticket: false when nobody was waiting. The call-next's
 * latency goes to `callLatencies` and, when asked, when it started (epoch ms) to `callStarts`.
 */
export async function serveOne(c: BenchClerk, callLatencies: number[] = [], callStarts?: number[]): Promise<boolean> {
  callStarts?.push(performance.timeOrigin + performance.now());
  const r = await timed(() => c.api.post(`/api/counters/${c.counterId}/call-next`), callLatencies);
  if (r.status === 204) return false;
  if (r.status !== 200) throw new Error(`call-next failed: ${r.status} ${JSON.stringify(r.body)}`);
  const done = await c.api.post(`/api/tickets/${r.body.ticket.id}/complete`);
  if (done.status >= 300) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
  return true;
}

/** Every clerk serves (serveOne), back to back, until no ticket is left. */
export async function serveAll(
  clerks: BenchClerk[],
  callLatencies: number[] = [],
  callStarts?: number[],
): Promise<{ served: number; seconds: number }> {
  let served = 0;
  const t0 = performance.now();
  await inParallel(clerks.length, async (i) => {
    if (!(await serveOne(clerks[i], callLatencies, callStarts))) return false;
    served++;
    return true;
  });
  return { served, seconds: (performance.now() - t0) / 1000 };
}

/** Tickets with more than one `called` event: must always be 0. */
export async function calledTwice(space: TestSpace): Promise<number> {
  const rows = await space.db.$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS n FROM (SELECT "ticketId" FROM "TicketEvent" WHERE type = 'called' GROUP BY "ticketId" HAVING COUNT(*) > 1) x`;
  return Number(rows[0].n);
}
