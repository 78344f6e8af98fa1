/**
 * The supervisor's live view and actions, /metrics and Bull Board, on a real app process:
 * roles (operator 403, supervisor OK), a change of a clerk's services applies to the next call,
 * a moved ticket keeps its number and its place, the `supervisor:subscribe` socket (session and
 * role, snapshot contents, deltas), queue gauges that match /api/queues, the METRICS_TOKEN.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisorSnapshot } from '../../contract/supervisor';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import {
  clerk,
  collect,
  connectSocket,
  cookieOf,
  countersByNumber,
  expectApiError,
  issue,
  oneStop,
  openCounter,
  subscribe,
  type OneStop,
} from '../helpers/sportello';

const TOKEN = 'metrics-token-for-the-tests';

let space: TestSpace;
let app: TestApp;
let os: OneStop;
let counters: Awaited<ReturnType<typeof countersByNumber>>;
let kiosk: ApiClient;
let sup: ApiClient;
let op1: ApiClient;
let op2: ApiClient;
const sockets: Socket[] = [];
/** Three desk services of the one-stop desk with different prefixes. */
let A: string;
let B: string;
let C: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space, { METRICS_TOKEN: TOKEN });
  os = await oneStop(app.url);
  counters = await countersByNumber(space, os.officeId);
  const prefixes = [...os.byPrefix.values()];
  [A, B, C] = [prefixes[0].id, prefixes[1].id, prefixes[2].id];
  kiosk = new ApiClient(app.url);
  sup = await clerk(app.url, 'supervisore');
  op1 = await clerk(app.url, 'operatore1');
  op2 = await clerk(app.url, 'operatore2');
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
  await space?.drop();
});

async function socketAs(cookie?: string) {
  const s = await connectSocket(app.url, cookie);
  sockets.push(s);
  return s;
}

describe('supervisor actions', () => {
  it('are refused to clerks (403) and to anonymous callers (401)', async () => {
    const t = await issue(kiosk, A);
    const c1 = counters.get(1)!.id;
    expectApiError(await op1.post(`/api/counters/${c1}/services`, { serviceIds: [A] }), 403, 'forbidden');
    expectApiError(await op1.post(`/api/tickets/${t.id}/move`, { serviceId: B }), 403, 'forbidden');
    expectApiError(await op1.get('/api/supervisor'), 403, 'forbidden');
    expectApiError(await op1.get(`/api/queues/${A}/tickets`), 403, 'forbidden');
    const anon = new ApiClient(app.url);
    expectApiError(await anon.post(`/api/tickets/${t.id}/move`, { serviceId: B }), 401, 'unauthorized');
    expectApiError(await anon.get('/api/supervisor'), 401, 'unauthorized');
    // Clean slate for the next tests: the citizen leaves.
    expect((await kiosk.post(`/api/tickets/${t.code}/cancel`)).status).toBe(200);
  });

  it("changes a clerk's services, and the next call follows them", async () => {
    const c1 = counters.get(1)!.id;
    await openCounter(op1, c1, [A]);
    const tB = await issue(kiosk, B);
    expect((await op1.post(`/api/counters/${c1}/call-next`)).status).toBe(204);

    expectApiError(await sup.post(`/api/counters/${c1}/services`, { serviceIds: [] }), 400, 'invalid_input');
    expectApiError(await sup.post(`/api/counters/${c1}/services`, { serviceIds: 'x' }), 400, 'invalid_input');
    expectApiError(await sup.post(`/api/counters/${c1}/services`, { serviceIds: ['nope'] }), 422, 'service_not_allowed');
    expectApiError(
      await sup.post(`/api/counters/${c1}/services`, { serviceIds: [os.appointment[0].id] }),
      422,
      'service_not_allowed',
    );
    expectApiError(await sup.post(`/api/counters/${counters.get(5)!.id}/services`, { serviceIds: [A] }), 409, 'counter_not_open');
    expectApiError(await sup.post('/api/counters/nope/services', { serviceIds: [A] }), 404);

    // Refused changes leave no trace in the audit log.
    expect(await space.db.auditLog.count({ where: { entity: 'counter', entityId: c1 } })).toBe(0);
    const r = await sup.post(`/api/counters/${c1}/services`, { serviceIds: [A, B, B] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect([...r.body.counter.serviceIds].sort()).toEqual([A, B].sort());
    expect(r.body.counter.staffId).not.toBeNull();
    const audit = await space.db.auditLog.findMany({ where: { entity: 'counter', entityId: c1 } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'services_change',
      staffId: (await space.db.staff.findUniqueOrThrow({ where: { username: 'supervisore' } })).id,
    });
    expect(audit[0].before).toMatchObject({ serviceIds: [A] });
    expect(audit[0].after).toMatchObject({ serviceIds: [A, B] });

    const called = await op1.post(`/api/counters/${c1}/call-next`);
    expect(called.status).toBe(200);
    expect(called.body.ticket.id).toBe(tB.id);
    expect((await op1.post(`/api/tickets/${tB.id}/complete`, {})).status).toBe(200);
  });

  it('moves a waiting ticket to another service, keeping its number and its place in line', async () => {
    const c1 = counters.get(1)!.id;
    const tX = await issue(kiosk, A);
    await new Promise((r) => setTimeout(r, 20));
    const tY = await issue(kiosk, B);
    const before = await space.db.ticket.findUniqueOrThrow({ where: { id: tX.id } });

    expectApiError(await sup.post(`/api/tickets/${tX.id}/move`, {}), 400, 'invalid_input');
    expectApiError(await sup.post(`/api/tickets/${tX.id}/move`, { serviceId: A }), 422, 'same_service');
    expectApiError(await sup.post(`/api/tickets/${tX.id}/move`, { serviceId: os.appointment[0].id }), 422);
    expectApiError(await sup.post(`/api/tickets/${tX.id}/move`, { serviceId: 'nope' }), 404);
    expectApiError(await sup.post('/api/tickets/nope/move', { serviceId: B }), 404);

    const list = await sup.get(`/api/queues/${A}/tickets`);
    expect(list.status).toBe(200);
    expect(list.body.tickets.map((t: { id: string }) => t.id)).toContain(tX.id);

    const moved = await sup.post(`/api/tickets/${tX.id}/move`, { serviceId: B });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.ticket.number).toBe(tX.number);
    expect(moved.body.ticket.serviceId).toBe(B);
    expect(moved.body.ticket.status).toBe('waiting');

    const after = await space.db.ticket.findUniqueOrThrow({ where: { id: tX.id } });
    expect(after.number).toBe(before.number);
    expect(after.queuedAt.getTime()).toBe(before.queuedAt.getTime());
    expect(after.originalServiceId).toBe(A);
    const supervisorId = (await space.db.staff.findUniqueOrThrow({ where: { username: 'supervisore' } })).id;
    const ev = await space.db.ticketEvent.findFirstOrThrow({ where: { ticketId: tX.id, type: 'transferred' } });
    expect(ev).toMatchObject({ serviceId: B, fromServiceId: A, staffId: supervisorId, counterId: null });
    expect(ev.data).toMatchObject({ moved: true });
    const audit = await space.db.auditLog.findMany({ where: { entity: 'ticket', entityId: tX.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'move',
      staffId: supervisorId,
      before: { number: tX.number, serviceId: A },
      after: { number: tX.number, serviceId: B },
    });
    expect((await sup.get(`/api/queues/${B}/tickets`)).body.tickets.map((t: { id: string }) => t.id)).toEqual([tX.id, tY.id]);

    // A counter serving only B calls the moved ticket first: it arrived before tY.
    expect((await sup.post(`/api/counters/${c1}/services`, { serviceIds: [B] })).status).toBe(200);
    const first = await op1.post(`/api/counters/${c1}/call-next`);
    expect(first.body.ticket.id).toBe(tX.id);
    expect(first.body.ticket.transferred).toBe(true);
    // No longer waiting: it cannot be moved.
    expectApiError(await sup.post(`/api/tickets/${tX.id}/move`, { serviceId: C }), 409, 'invalid_transition');
  });

  it('closes any counter without a ticket, never one with a ticket', async () => {
    const c1 = counters.get(1)!.id;
    const c2 = counters.get(2)!.id;
    await openCounter(op2, c2);
    const closed = await sup.post(`/api/counters/${c2}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.counter.state).toBe('closed');
    expect(closed.body.counter.staffId).toBeNull();
    const op2Id = (await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore2' } })).id;
    const audit = await space.db.auditLog.findMany({ where: { entity: 'counter', entityId: c2 } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'close', before: { staffId: op2Id }, after: { state: 'closed', staffId: null } });
    // Counter 1 holds the ticket called in the previous test.
    expectApiError(await sup.post(`/api/counters/${c1}/close`), 409, 'counter_busy');
    expectApiError(await op2.post(`/api/counters/${c1}/close`), 403, 'forbidden');
    const cur = await space.db.ticket.findFirstOrThrow({ where: { counterId: c1, status: 'called' } });
    expect((await op1.post(`/api/tickets/${cur.id}/complete`, {})).status).toBe(200);
    // Drain what is left for B, then the supervisor closes counter 1 too.
    for (;;) {
      const r = await op1.post(`/api/counters/${c1}/call-next`);
      if (r.status === 204) break;
      await op1.post(`/api/tickets/${r.body.ticket.id}/complete`, {});
    }
    expect((await sup.post(`/api/counters/${c1}/close`)).status).toBe(200);
  });
});

describe('supervisor:subscribe', () => {
  it('needs a session, and a supervisor or admin role', async () => {
    const anon = await socketAs();
    const r1 = await subscribe<SupervisorSnapshot>(anon, 'supervisor:subscribe', {});
    expect(r1).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const clerkSocket = await socketAs(cookieOf(op1));
    const r2 = await subscribe<SupervisorSnapshot>(clerkSocket, 'supervisor:subscribe', {});
    expect(r2).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const forged = await socketAs('sportello_session=forged');
    expect(await subscribe<SupervisorSnapshot>(forged, 'supervisor:subscribe', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    const s = await socketAs(cookieOf(sup));
    expect(await subscribe<SupervisorSnapshot>(s, 'supervisor:subscribe', { officeId: 'x'.repeat(200) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await subscribe<SupervisorSnapshot>(s, 'supervisor:subscribe', { officeId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('acknowledges a snapshot with counters, queues and alerts, then sends deltas', async () => {
    const c3 = counters.get(3)!.id;
    // Counter 3: operatore1 serving A, with a called ticket.
    await openCounter(op1, c3, [A]);
    const tA = await issue(kiosk, A);
    const call = await op1.post(`/api/counters/${c3}/call-next`);
    expect(call.body.ticket.id).toBe(tA.id);
    // C: people wait, no counter serves it; one of them has waited two hours (target ≤ 60 min).
    const tC = await issue(kiosk, C);
    await space.db.ticket.update({ where: { id: tC.id }, data: { queuedAt: new Date(Date.now() - 2 * 3600_000) } });
    // A kiosk printer out of paper.
    await space.db.kiosk.create({
      data: {
        officeId: os.officeId,
        name: 'Chiosco ingresso',
        tokenHash: 'test-kiosk-hash',
        printMode: 'server',
        printerStatus: 'paper_out',
      },
    });

    const s = await socketAs(cookieOf(sup));
    const deltas = collect<SupervisorSnapshot>(s, 'supervisor');
    const r = await subscribe<SupervisorSnapshot>(s, 'supervisor:subscribe', {});
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const snap = r.data;
    expect(snap.office.id).toBe(os.officeId);
    expect(snap.counters.map((c) => c.number)).toEqual([...counters.keys()].sort((a, b) => a - b));
    const row3 = snap.counters.find((c) => c.id === c3)!;
    expect(row3).toMatchObject({ state: 'open', activity: 'called', staffName: expect.any(String), serviceIds: [A] });
    expect(row3.current?.number).toBe(tA.number);
    expect(Date.parse(row3.since!)).toBeGreaterThan(Date.now() - 60_000);
    expect(row3.skillServiceIds).toContain(A);
    expect(snap.counters.find((c) => c.number === 2)).toMatchObject({ activity: 'closed', since: null, current: null });
    expect(snap.queues.find((q) => q.serviceId === C)?.waiting).toBe(1);

    const kinds = snap.alerts.map((a) => `${a.kind}:${a.kind === 'printer' ? a.printer.name : a.service.id}`);
    expect(kinds).toContain(`queue_unserved:${C}`);
    expect(kinds).toContain(`wait_over_target:${C}`);
    expect(kinds).toContain('printer:Chiosco ingresso');
    // Worst first: the unserved queue before the printer before the long wait.
    expect(kinds.indexOf(`queue_unserved:${C}`)).toBeLessThan(kinds.indexOf('printer:Chiosco ingresso'));
    expect(kinds.indexOf('printer:Chiosco ingresso')).toBeLessThan(kinds.indexOf(`wait_over_target:${C}`));
    expect(snap.alerts.some((a) => a.kind !== 'printer' && a.service.id === A)).toBe(false);

    // A new ticket: the office's batched update brings a fresh snapshot.
    const before = snap.queues.find((q) => q.serviceId === A)!.waiting;
    await issue(kiosk, A);
    const next = await deltas.next((d) => d.queues.find((q) => q.serviceId === A)!.waiting === before + 1);
    expect(next.counters.find((c) => c.id === c3)?.current?.number).toBe(tA.number);
    // Completing the visit turns the counter idle in the next delta.
    await op1.post(`/api/tickets/${tA.id}/complete`, {});
    const idle = await deltas.next((d) => d.counters.find((c) => c.id === c3)?.activity === 'idle');
    expect(idle.counters.find((c) => c.id === c3)?.current).toBeNull();
    expect((await sup.get('/api/supervisor')).body.office.id).toBe(os.officeId);
  });
});

describe('an ended login ends its live screens', () => {
  const disconnected = (s: Socket) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));

  it('a logout disconnects the screens of that login, not the same person on another device', async () => {
    const deviceA = await clerk(app.url, 'supervisore');
    const deviceB = await clerk(app.url, 'supervisore');
    const sA = await socketAs(cookieOf(deviceA));
    const sB = await socketAs(cookieOf(deviceB));
    expect((await subscribe(sA, 'supervisor:subscribe', { officeId: os.officeId })).ok).toBe(true);
    expect((await subscribe(sB, 'supervisor:subscribe', { officeId: os.officeId })).ok).toBe(true);
    const goneA = disconnected(sA);
    expect((await deviceA.post('/api/auth/logout')).status).toBeLessThan(300);
    expect(await goneA).toBe('io server disconnect');
    // Device B still hears the office.
    const updates = collect<SupervisorSnapshot>(sB, 'supervisor');
    const t = await issue(kiosk, C);
    await updates.next((u) => u.queues.some((q) => q.serviceId === C && q.waiting > 0));
    expect(sB.connected).toBe(true);
    // A's cookie cannot subscribe again.
    const again = await socketAs(cookieOf(deviceA));
    expect(await subscribe(again, 'supervisor:subscribe', { officeId: os.officeId })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect((await kiosk.post(`/api/tickets/${t.code}/cancel`)).status).toBe(200);
  });

  it("an admin's password reset disconnects every screen of that account", async () => {
    const op3 = await clerk(app.url, 'operatore3');
    const c3 = (
      await space.db.counter.findFirstOrThrow({ where: { officeId: os.officeId, state: 'closed' }, orderBy: { number: 'desc' } })
    ).id;
    await openCounter(op3, c3);
    const s = await socketAs(cookieOf(op3));
    expect((await subscribe(s, 'counter:subscribe', { counterId: c3 })).ok).toBe(true);
    const bystander = await socketAs(cookieOf(sup));
    expect((await subscribe(bystander, 'supervisor:subscribe', { officeId: os.officeId })).ok).toBe(true);
    const gone = disconnected(s);
    const admin = await clerk(app.url, 'admin');
    const op3Id = (await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore3' } })).id;
    expect((await admin.post(`/api/admin/staff/${op3Id}/password`, { password: 'a-new-password-1' })).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect(bystander.connected).toBe(true);
    expectApiError(await op3.get('/api/auth/me'), 401);
  });
});

describe('/metrics', () => {
  const scrape = (auth?: string) => fetch(`${app.url}/metrics`, { headers: auth ? { authorization: auth } : {} });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong')).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('exposes the waiting counts of every queue, as /api/queues has them', async () => {
    await issue(kiosk, B);
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    const offices = (await kiosk.get('/api/offices')).body as { id: string; slug: string }[];
    const slug = offices.find((o) => o.id === os.officeId)!.slug;
    const services = (await kiosk.get('/api/services')).body as { id: string; code: string }[];
    const code = new Map(services.map((s) => [s.id, s.code]));
    const queues = (await kiosk.get('/api/queues')).body as { serviceId: string; waiting: number; prefix: string }[];
    expect(queues.some((q) => q.waiting > 0)).toBe(true);
    for (const q of queues) {
      const line = `sportello_queue_waiting{office="${slug}",service="${code.get(q.serviceId)}",prefix="${q.prefix}"} ${q.waiting}`;
      expect(text, line).toContain(line);
    }
    expect(text).toMatch(/sportello_queue_oldest_wait_seconds\{office="[^"]+",service="[^"]+",prefix="[^"]+"\} \d+/);
    expect(text).toMatch(/sportello_counters\{office="[^"]+",state="open"\} \d+/);
    expect(text).toContain('# TYPE sportello_job_failures_total counter');
    expect(text).toMatch(/sportello_http_requests_total\{method="GET",status="200"\} \d+/);
    expect(text).toContain('sportello_process_cpu_seconds_total');
  });

  it('counts the API requests under way, and none once all are answered', async () => {
    const inFlight = async () => {
      const text = await (await scrape(`Bearer ${TOKEN}`)).text();
      return Number(/^sportello_api_requests_in_flight (\d+)$/m.exec(text)?.[1]);
    };
    // Answers of every kind: 200s, a refusal, an unknown ticket, a body that is not JSON.
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => kiosk.get('/api/queues')),
      fetch(`${app.url}/api/counters`),
      kiosk.get('/api/tickets/nosuchticket00000'),
      fetch(`${app.url}/api/tickets`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
    ]);
    expect(answers.map((a) => a.status >= 200 && a.status < 500)).not.toContain(false);
    // A count left behind would hold the office feed back for good.
    expect(await inFlight()).toBe(0);
  });

  it('counts connected screens by kind', async () => {
    const value = async (kind: string) => {
      const text = await (await scrape(`Bearer ${TOKEN}`)).text();
      const m = new RegExp(`sportello_screens_connected\\{kind="${kind}"\\} (\\d+)`).exec(text);
      return Number(m?.[1]);
    };
    const displays = await value('display');
    const d = await socketAs();
    expect((await subscribe(d, 'display:subscribe', {})).ok).toBe(true);
    // A second subscription of the same socket does not count twice.
    expect((await subscribe(d, 'display:subscribe', {})).ok).toBe(true);
    expect(await value('display')).toBe(displays + 1);
    expect(await value('supervisor')).toBeGreaterThanOrEqual(1);
    d.disconnect();
    await expect.poll(() => value('display'), { timeout: 5000 }).toBe(displays);
  });
});

describe('Bull Board at /admin/queues', () => {
  it('is for admins only', async () => {
    const anon = await fetch(`${app.url}/admin/queues`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/admin/live');
    expectApiError(await new ApiClient(app.url).get('/admin/queues/api/queues'), 401);
    expectApiError(await sup.get('/admin/queues'), 403, 'forbidden');
    const admin = await clerk(app.url, 'admin');
    const page = await fetch(`${app.url}/admin/queues`, { headers: { cookie: cookieOf(admin) } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const api = await admin.get('/admin/queues/api/queues');
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).toContain('"maintenance"');
  });
});
