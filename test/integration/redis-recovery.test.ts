/**
 * PostgreSQL is the system of record: when Redis loses its data (flush) or the app crashes
 * (SIGKILL), the live queues come back from the database, complete and in the same order.
 * The expected order is always computed independently, from the ticket rows and
 * server/queue/policy.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Priority } from '../../server/db/generated/enums';
import type { CounterSnapshot } from '../../contract/counters';
import { ApiClient } from '../helpers/api';
import { kioskScreen } from '../helpers/kiosks';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import {
  clerk,
  collect,
  connectSocket,
  cookieOf,
  countersByNumber,
  expectedOrder,
  issue,
  oneStop,
  openCounter,
  serveAll,
  subscribe,
  type ServiceRow,
} from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let officeId: string;
/** Services served by counter 1: mixed skill weights of operatore1 (anagrafe 3, elettorale 2, others 1). */
let services: ServiceRow[];
let weights: Map<string, number>;
let counter1: string;
let counter2: string;

const PRIORITIES: Priority[] = ['none', 'elderly', 'none', 'disability', 'none', 'pregnancy', 'none'];

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const os = await oneStop(app.url);
  officeId = os.officeId;
  const a = os.desk.filter((s) => s.prefix === 'A').slice(0, 2);
  const e = os.desk.find((s) => s.prefix === 'E') as ServiceRow;
  const t = os.desk.find((s) => s.prefix === 'T') as ServiceRow;
  services = [...a, e, t];
  const op1 = await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore1' }, include: { skills: true } });
  weights = new Map(op1.skills.map((k) => [k.serviceId, k.weight]));
  // The point of mixing services: the skill boost takes part in the order.
  expect(new Set(services.map((s) => weights.get(s.id))).size).toBeGreaterThan(1);
  const counters = await countersByNumber(space, officeId);
  counter1 = counters.get(1)!.id;
  counter2 = counters.get(2)!.id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

async function issueMix(n: number) {
  const kiosk = await kioskScreen(app.url, officeId);
  const out = [];
  // Sequential: distinct arrival times, like a real kiosk.
  for (let i = 0; i < n; i++) out.push(await issue(kiosk, services[i % services.length].id, PRIORITIES[i % PRIORITIES.length]));
  return out;
}

/** The order counter 1 must call today's waiting tickets in, from the DB rows and the policy. */
async function expectedFromDb(): Promise<string[]> {
  const rows = await space.db.ticket.findMany({
    where: { officeId, status: 'waiting', serviceId: { in: services.map((s) => s.id) } },
  });
  return expectedOrder(rows, weights);
}

async function waitingCounts(api: ApiClient): Promise<Record<string, number>> {
  const r = await api.get('/api/queues');
  expect(r.status).toBe(200);
  return Object.fromEntries((r.body as { serviceId: string; waiting: number }[]).map((q) => [q.serviceId, q.waiting]));
}

describe('Redis flushed', () => {
  it('phone positions right after a flush are the same as before', async () => {
    const tickets = await issueMix(8);
    const kiosk = new ApiClient(app.url);
    const before = await Promise.all(tickets.map((t) => kiosk.get(`/api/tickets/${t.code}`)));
    const positions = before.map((r) => r.body.position as number);
    // Not all zero, otherwise the comparison below would prove nothing.
    expect(Math.max(...positions)).toBeGreaterThan(0);

    expect(await space.flushRedis()).toBeGreaterThan(0);
    // The phone page is the first thing asked after the flush (no other request rebuilds first).
    const after = await Promise.all(tickets.map((t) => kiosk.get(`/api/tickets/${t.code}`)));
    expect(after.map((r) => r.status)).toEqual(tickets.map(() => 200));
    expect(after.map((r) => r.body.position)).toEqual(positions);
  });

  it('a counter snapshot right after a flush lists the waiting tickets in order', async () => {
    await issueMix(4);
    const op1 = await clerk(app.url, 'operatore1');
    await openCounter(
      op1,
      counter1,
      services.map((s) => s.id),
    );
    const expected = await expectedFromDb();

    const socket = await connectSocket(app.url, cookieOf(op1));
    try {
      const before = await subscribe<CounterSnapshot>(socket, 'counter:subscribe', { counterId: counter1 });
      expect(before.ok).toBe(true);
      if (!before.ok) return;
      expect(before.data.waiting.map((w) => w.id)).toEqual(expected);

      expect(await space.flushRedis()).toBeGreaterThan(0);
      const after = await subscribe<CounterSnapshot>(socket, 'counter:subscribe', { counterId: counter1 });
      expect(after.ok).toBe(true);
      if (!after.ok) return;
      expect(after.data.waitingTotal).toBe(expected.length);
      expect(after.data.waiting.map((w) => w.id)).toEqual(expected);
    } finally {
      socket.disconnect();
    }
  });

  it('rebuilds the same waiting counts and calls in the same order as the policy over the DB rows', async () => {
    await issueMix(30);
    const api = new ApiClient(app.url);
    const op1 = await clerk(app.url, 'operatore1');
    await openCounter(
      op1,
      counter1,
      services.map((s) => s.id),
    );

    const countsBefore = await waitingCounts(api);
    const expected = await expectedFromDb();
    expect(expected.length).toBeGreaterThanOrEqual(30);
    expect(services.reduce((n, s) => n + countsBefore[s.id], 0)).toBe(expected.length);

    // Control: what Redis says the counter would call, before any flush.
    const socket = await connectSocket(app.url, cookieOf(op1));
    const snap = await subscribe<CounterSnapshot>(socket, 'counter:subscribe', { counterId: counter1 });
    socket.disconnect();
    expect(snap.ok && snap.data.waiting.map((w) => w.id)).toEqual(expected);

    expect(await space.flushRedis()).toBeGreaterThan(0);
    expect(await waitingCounts(api)).toEqual(countsBefore);

    // Call a third, lose Redis again in the middle of the day, call the rest.
    const called: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await op1.post(`/api/counters/${counter1}/call-next`);
      expect(r.status).toBe(200);
      called.push(r.body.ticket.id);
      expect((await op1.post(`/api/tickets/${r.body.ticket.id}/complete`)).status).toBe(200);
    }
    expect(await space.flushRedis()).toBeGreaterThan(0);
    called.push(...(await serveAll(op1, counter1)));

    expect(called).toEqual(expected);
    const calls = await space.db.ticketEvent.groupBy({
      by: ['ticketId'],
      where: { ticketId: { in: expected }, type: 'called' },
      _count: { _all: true },
    });
    expect(calls.every((c) => c._count._all === 1)).toBe(true);
    expect(calls.length).toBe(expected.length);
  });
});

describe('app killed mid-day', () => {
  it('loses nothing: waiting tickets are all called after a restart, called ones stay called', async () => {
    const op1 = await clerk(app.url, 'operatore1');
    const op2 = await clerk(app.url, 'operatore2');
    await openCounter(
      op1,
      counter1,
      services.map((s) => s.id),
    );
    await openCounter(
      op2,
      counter2,
      services.map((s) => s.id),
    );
    const tickets = await issueMix(12);

    // A day in progress: one completed, one no-show, one called at counter 1, one being served at counter 2.
    const c1 = await op1.post(`/api/counters/${counter1}/call-next`);
    expect((await op1.post(`/api/tickets/${c1.body.ticket.id}/complete`)).status).toBe(200);
    const c2 = await op1.post(`/api/counters/${counter1}/call-next`);
    expect((await op1.post(`/api/tickets/${c2.body.ticket.id}/no-show`)).status).toBe(200);
    const c3 = await op1.post(`/api/counters/${counter1}/call-next`);
    expect(c3.status).toBe(200);
    const s1 = await op2.post(`/api/counters/${counter2}/call-next`);
    expect((await op2.post(`/api/tickets/${s1.body.ticket.id}/start`)).status).toBe(200);

    // Kiosks keep issuing while the process dies.
    const kiosk = new ApiClient(app.url);
    const inflight = Array.from({ length: 10 }, (_, i) =>
      kiosk.post('/api/tickets', { serviceId: services[i % services.length].id }).catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 30));
    await app.stop('SIGKILL');
    await Promise.all(inflight);

    const beforeRestart = new Map((await space.db.ticket.findMany({ where: { officeId } })).map((t) => [t.id, t.status]));
    const waitingAtCrash = [...beforeRestart].filter(([, s]) => s === 'waiting').map(([id]) => id);
    expect(waitingAtCrash.length).toBeGreaterThanOrEqual(8);

    app = await startApp(space);
    await space.flushRedis();

    // Nothing changed by the restart itself.
    const pub = new ApiClient(app.url);
    const calledNow = await pub.get(`/api/tickets/${c3.body.ticket.code}`);
    expect(calledNow.body.status).toBe('called');
    expect(calledNow.body.counter.number).toBe(1);
    expect((await pub.get(`/api/tickets/${s1.body.ticket.code}`)).body.status).toBe('serving');
    expect((await pub.get(`/api/tickets/${tickets[0].code}`)).status).toBe(200);

    const op1b = await clerk(app.url, 'operatore1');
    const op2b = await clerk(app.url, 'operatore2');
    // The called ticket is still at counter 1: no new call before it is finished.
    const busy = await op1b.post(`/api/counters/${counter1}/call-next`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('counter_busy');
    expect((await op1b.post(`/api/tickets/${c3.body.ticket.id}/complete`)).status).toBe(200);
    expect((await op2b.post(`/api/tickets/${s1.body.ticket.id}/complete`)).status).toBe(200);

    const expected = await expectedFromDb();
    expect(new Set(expected)).toEqual(new Set(waitingAtCrash));
    const served = await serveAll(op1b, counter1);
    expect(served).toEqual(expected);
    expect((await op2b.post(`/api/counters/${counter2}/call-next`)).status).toBe(204);

    const after = new Map((await space.db.ticket.findMany({ where: { officeId } })).map((t) => [t.id, t.status]));
    for (const [id, s] of beforeRestart) {
      if (s === 'waiting' || s === 'called' || s === 'serving') expect(after.get(id), id).toBe('completed');
      else expect(after.get(id), id).toBe(s);
    }
    // Tickets called before the crash were not called again.
    const calls = await space.db.ticketEvent.groupBy({
      by: ['ticketId'],
      where: { officeId, type: 'called' },
      _count: { _all: true },
    });
    expect(calls.filter((c) => c._count._all !== 1)).toEqual([]);
    expect(calls.length).toBe([...after.values()].filter((s) => s === 'completed' || s === 'no_show').length);
  });
});

describe('a queue entry Redis lost (a crash between the two writes)', () => {
  it('comes back at the next reconcile, and the counter screens are told without a click', async () => {
    // A process of its own that reconciles every second.
    const quick = await startApp(space, { RECONCILE_INTERVAL_SECONDS: '1' });
    try {
      await issueMix(3);
      const op1 = await clerk(quick.url, 'operatore1');
      await openCounter(
        op1,
        counter1,
        services.map((s) => s.id),
      );
      const expected = await expectedFromDb();
      expect(expected.length).toBeGreaterThanOrEqual(3);
      const socket = await connectSocket(quick.url, cookieOf(op1));
      try {
        const counters = collect<CounterSnapshot>(socket, 'counter');
        const first = await subscribe<CounterSnapshot>(socket, 'counter:subscribe', { counterId: counter1 });
        expect(first.ok && first.data.waitingTotal).toBe(expected.length);

        // Let the flushes of the clicks above go out first: the next screen update must come from the reconcile.
        await new Promise((r) => setTimeout(r, 1000));
        // What a process killed between the PostgreSQL commit and the Redis write leaves behind.
        const lost = expected[expected.length - 1];
        let removed = 0;
        for (const key of await space.redis.keys(`${space.redisPrefix}:*:wait:*`)) removed += await space.redis.zrem(key, lost);
        expect(removed).toBe(1);

        const before = counters.seen.length;
        const told = await counters.next((s) => counters.seen.indexOf(s) >= before && s.waitingTotal === expected.length, 10_000);
        expect(told.waiting.map((w) => w.id)).toContain(lost);
      } finally {
        socket.disconnect();
      }
    } finally {
      await quick.stop();
    }
  });
});
