/**
 * Many clerks calling at once: every ticket is called exactly once, never at two counters, and
 * the global call order follows the ranking rule of server/queue/policy.ts (up to the
 * interleaving that 20 concurrent requests allow). Also: concurrent calls on an almost empty
 * queue, and concurrent ticket numbering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Priority } from '../../server/db/generated/enums';
import { ApiClient } from '../helpers/api';
import { kioskScreen } from '../helpers/kiosks';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import {
  clerk,
  countersByNumber,
  createClerks,
  expectedOrder,
  oneStop,
  openCounter,
  type ServiceRow,
} from '../helpers/sportello';

const CLERKS = 20;
const TICKETS = 200;

let space: TestSpace;
let app: TestApp;
let officeId: string;
let services: ServiceRow[];
let spare: ServiceRow;
const desks: { username: string; api: ApiClient; counterId: string }[] = [];

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const os = await oneStop(app.url);
  officeId = os.officeId;
  const prefixes = [...os.byPrefix.values()];
  services = prefixes.slice(0, 3);
  spare = prefixes[3];
  expect(new Set(services.map((s) => s.prefix)).size).toBe(3);

  // Equal skill weights everywhere, so every counter ranks tickets the same way.
  const serviceIds = services.map((s) => s.id);
  const demo = ['operatore1', 'operatore2', 'operatore3', 'operatore4', 'operatore5', 'operatore6'];
  const demoStaff = await space.db.staff.findMany({ where: { username: { in: demo } } });
  await space.db.skill.updateMany({
    where: { staffId: { in: demoStaff.map((s) => s.id) }, serviceId: { in: serviceIds } },
    data: { weight: 1 },
  });
  const extra = await createClerks(space, {
    officeId,
    prefix: 'extra',
    n: CLERKS - demo.length,
    skills: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
    counters: CLERKS,
  });
  const counters = [...(await countersByNumber(space, officeId)).values()].slice(0, CLERKS);
  const usernames = [...demo, ...extra];
  const apis = await Promise.all(usernames.map((u) => clerk(app.url, u)));
  for (let i = 0; i < CLERKS; i++) {
    await openCounter(apis[i], counters[i].id, serviceIds);
    desks.push({ username: usernames[i], api: apis[i], counterId: counters[i].id });
  }
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

function priorityOf(i: number): Priority {
  return (['disability', 'none', 'none', 'pregnancy', 'none', 'none', 'elderly', 'none', 'none', 'none'] as const)[i % 10];
}

/** One clerk's day: call next → complete until nobody waits. Returns how many they served. */
async function work(d: { api: ApiClient; counterId: string }): Promise<number> {
  let served = 0;
  for (;;) {
    const r = await d.api.post(`/api/counters/${d.counterId}/call-next`);
    if (r.status === 204) return served;
    if (r.status !== 200)
      throw new Error(`call-next answered ${r.status} ${JSON.stringify(r.body)}\nserver log:\n${app.output().slice(-4000)}`);
    const done = await d.api.post(`/api/tickets/${r.body.ticket.id}/complete`, { outcome: 'done' });
    if (done.status !== 200)
      throw new Error(`complete answered ${done.status} ${JSON.stringify(done.body)}\nserver log:\n${app.output().slice(-4000)}`);
    served++;
  }
}

describe('20 clerks, 200 tickets', () => {
  it('calls every ticket exactly once, at one counter, in policy order', async () => {
    const kiosk = await kioskScreen(app.url, officeId);
    const issued: string[] = [];
    for (let batch = 0; batch < TICKETS; batch += 25) {
      const res = await Promise.all(
        Array.from({ length: 25 }, (_, k) =>
          kiosk.post('/api/tickets', { serviceId: services[(batch + k) % 3].id, priority: priorityOf(batch + k) }),
        ),
      );
      for (const r of res) {
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        issued.push(r.body.id);
      }
    }
    expect(new Set(issued).size).toBe(TICKETS);

    // allSettled: if one clerk fails, the others still finish before the assertions (and the next test).
    const outcomes = await Promise.allSettled(desks.map(work));
    expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []))).toEqual([]);
    const served = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 0));
    expect(served.reduce((a, b) => a + b, 0)).toBe(TICKETS);
    // Everybody got work: the Lua claim spreads the queue, it does not serialise it on one counter.
    expect(served.filter((n) => n > 0).length).toBeGreaterThan(1);

    const tickets = await space.db.ticket.findMany({ where: { id: { in: issued } } });
    expect(tickets.every((t) => t.status === 'completed')).toBe(true);

    const events = await space.db.ticketEvent.findMany({
      where: { ticketId: { in: issued }, type: { in: ['called', 'completed'] } },
      orderBy: { id: 'asc' },
    });
    const calls = events.filter((e) => e.type === 'called');
    const completions = events.filter((e) => e.type === 'completed');

    // Exactly one `called` and one `completed` event per ticket, at the same counter.
    const calledAt = new Map<string, string>();
    for (const e of calls) {
      expect(calledAt.has(e.ticketId), `ticket ${e.ticketId} called twice`).toBe(false);
      calledAt.set(e.ticketId, e.counterId as string);
    }
    expect(calledAt.size).toBe(TICKETS);
    expect(new Set(completions.map((e) => e.ticketId)).size).toBe(TICKETS);
    expect(completions.length).toBe(TICKETS);
    for (const e of completions) expect(e.counterId).toBe(calledAt.get(e.ticketId));
    for (const t of tickets) expect(t.counterId).toBe(calledAt.get(t.id));

    // A counter never holds two tickets: its events alternate called X / completed X.
    const perCounter = new Map<string, typeof events>();
    for (const e of events) perCounter.set(e.counterId as string, [...(perCounter.get(e.counterId as string) ?? []), e]);
    for (const [counterId, list] of perCounter) {
      for (let i = 0; i < list.length; i += 2) {
        expect(list[i].type, `counter ${counterId} event ${i}`).toBe('called');
        expect(list[i + 1]?.type, `counter ${counterId} event ${i + 1}`).toBe('completed');
        expect(list[i + 1].ticketId).toBe(list[i].ticketId);
      }
    }

    // Global order: rank every ticket by the policy (equal weights: skill boost is the same for all).
    const order = expectedOrder(tickets, new Map());
    const rank = new Map(order.map((id, i) => [id, i]));
    const sequence = calls.map((e) => rank.get(e.ticketId) as number);
    // Each call's rank is better than the rank of every ticket called more than CLERKS calls later.
    const suffixMin: number[] = new Array(sequence.length + 1).fill(Infinity);
    for (let i = sequence.length - 1; i >= 0; i--) suffixMin[i] = Math.min(sequence[i], suffixMin[i + 1]);
    const violations: string[] = [];
    for (let i = 0; i + CLERKS + 1 < sequence.length; i++) {
      if (sequence[i] > suffixMin[i + CLERKS + 1])
        violations.push(
          `call #${i} has rank ${sequence[i]}, a ticket of rank ${suffixMin[i + CLERKS + 1]} was called after #${i + CLERKS}`,
        );
    }
    expect(violations).toEqual([]);
    // And the overall displacement stays within the concurrency window.
    const maxDisplacement = Math.max(...sequence.map((r, i) => Math.abs(r - i)));
    expect(maxDisplacement).toBeLessThanOrEqual(CLERKS);
  }, 150_000); // a liveness bound for a loaded CI machine, not a speed assertion

  it('20 parallel call-next on 20 counters with 5 waiting: 5 distinct tickets and 15 × 204', async () => {
    const kiosk = new ApiClient(app.url);
    const five = await Promise.all(
      Array.from({ length: 5 }, (_, i) => kiosk.post('/api/tickets', { serviceId: services[i % 3].id })),
    );
    const fiveIds = five.map((r) => r.body.id as string);
    const results = await Promise.all(desks.map((d) => d.api.post(`/api/counters/${d.counterId}/call-next`)));
    const ok = results.filter((r) => r.status === 200);
    const empty = results.filter((r) => r.status === 204);
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 204)).toEqual([]);
    expect(ok.length).toBe(5);
    expect(empty.length).toBe(15);
    expect(new Set(ok.map((r) => r.body.ticket.id))).toEqual(new Set(fiveIds));

    const calls = await space.db.ticketEvent.findMany({ where: { ticketId: { in: fiveIds }, type: 'called' } });
    expect(calls.length).toBe(5);
    expect(new Set(calls.map((e) => e.counterId)).size).toBe(5);
    const rows = await space.db.ticket.findMany({ where: { id: { in: fiveIds } } });
    expect(rows.every((t) => t.status === 'called')).toBe(true);

    // Clean up: each holder completes its ticket.
    for (let i = 0; i < desks.length; i++) {
      if (results[i].status === 200)
        expect((await desks[i].api.post(`/api/tickets/${results[i].body.ticket.id}/complete`)).status).toBe(200);
    }
  });

  it('repeated clicks on call-next call the best ticket once; the other requests are refused', async () => {
    // Five simultaneous call-next on one counter (double clicks, two tabs, retries), repeated
    // because the requests race: in every round exactly one succeeds, and it gets the ticket the
    // ranking rule puts first.
    const kiosk = await kioskScreen(app.url, officeId);
    const d = desks[0];
    const other = desks[1];
    const rounds: string[] = [];
    for (let round = 0; round < 12; round++) {
      const best = (await kiosk.post('/api/tickets', { serviceId: services[0].id, priority: 'disability' })).body;
      const rest = [];
      for (let k = 0; k < 4; k++) rest.push((await kiosk.post('/api/tickets', { serviceId: services[1 + (k % 2)].id })).body);
      const res = await Promise.all(Array.from({ length: 5 }, () => d.api.post(`/api/counters/${d.counterId}/call-next`)));
      expect(res.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(res.filter((r) => r.status === 409).every((r) => r.body.error.code === 'counter_busy')).toBe(true);
      const won = res.find((r) => r.status === 200)!;
      expect(await space.db.ticket.count({ where: { counterId: d.counterId, status: { in: ['called', 'serving'] } } })).toBe(1);
      rounds.push(
        won.body.ticket.id === best.id
          ? 'best'
          : `round ${round}: called ${won.body.ticket.number} while ${best.number} (disability, earlier) was waiting`,
      );
      expect((await d.api.post(`/api/tickets/${won.body.ticket.id}/complete`)).status).toBe(200);

      // Whatever the refused requests had claimed went back to the queue: another counter gets all of it.
      const left = [best, ...rest].filter((t) => t.id !== won.body.ticket.id).map((t) => t.id);
      const drained: string[] = [];
      for (;;) {
        const r = await other.api.post(`/api/counters/${other.counterId}/call-next`);
        if (r.status !== 200) break;
        drained.push(r.body.ticket.id);
        expect((await other.api.post(`/api/tickets/${r.body.ticket.id}/complete`)).status).toBe(200);
      }
      expect(new Set(drained)).toEqual(new Set(left));
      expect(
        await space.db.ticketEvent.count({ where: { ticketId: { in: [best.id, ...rest.map((t) => t.id)] }, type: 'called' } }),
      ).toBe(5);
    }
    expect(rounds).toEqual(new Array(12).fill('best'));
  });

  it('two clerks opening the same free counter at once: exactly one gets it', async () => {
    const a = await clerk(app.url, 'admin');
    const b = await clerk(app.url, 'supervisore');
    const free = (await space.db.counter.create({ data: { officeId, number: 99, name: 'Sportello 99' } })).id;
    const [ra, rb] = await Promise.all([
      a.post(`/api/counters/${free}/open`, { serviceIds: [services[0].id] }),
      b.post(`/api/counters/${free}/open`, { serviceIds: [services[0].id] }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    expect((ra.status === 409 ? ra : rb).body.error.code).toBe('counter_taken');
    const row = await space.db.counter.findUniqueOrThrow({ where: { id: free } });
    const winner = await space.db.staff.findUniqueOrThrow({ where: { username: ra.status === 200 ? 'admin' : 'supervisore' } });
    expect(row.staffId).toBe(winner.id);
    expect((await (ra.status === 200 ? a : b).post(`/api/counters/${free}/close`)).status).toBe(200);
  });

  it('50 parallel tickets for one service get 50 distinct consecutive numbers', async () => {
    const kiosk = new ApiClient(app.url);
    const before = await space.db.dailySequence.findFirst({ where: { officeId, prefix: spare.prefix } });
    const start = before?.last ?? 0;
    const res = await Promise.all(Array.from({ length: 50 }, () => kiosk.post('/api/tickets', { serviceId: spare.id })));
    expect(res.map((r) => r.status)).toEqual(new Array(50).fill(201));
    const numbers = res.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(50);
    const expected = Array.from({ length: 50 }, (_, i) => `${spare.prefix}${String(start + i + 1).padStart(3, '0')}`);
    expect([...numbers].sort()).toEqual(expected);
    expect(new Set(res.map((r) => r.body.code)).size).toBe(50);

    const rows = await space.db.ticket.findMany({ where: { id: { in: res.map((r) => r.body.id) } } });
    expect(rows.length).toBe(50);
    expect(rows.every((t) => t.status === 'waiting' && t.serviceId === spare.id)).toBe(true);
    expect(await space.db.ticketEvent.count({ where: { ticketId: { in: rows.map((t) => t.id) }, type: 'issued' } })).toBe(50);
  });
});
