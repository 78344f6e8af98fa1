/**
 * Sending a citizen on (to a service, a counter or a colleague) keeps their number and their
 * place in time; pausing a counter stops its calls; a citizen who leaves is never called.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import {
  clerk,
  countersByNumber,
  expectApiError,
  issue,
  oneStop,
  openCounter,
  serveAll,
  type ServiceRow,
} from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let kiosk: ApiClient;
let s1: ServiceRow;
let s2: ServiceRow;
const counter: Record<number, string> = {};
let op1: ApiClient;
let op2: ApiClient;
let op3: ApiClient;
let op2Id: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  kiosk = new ApiClient(app.url);
  const os = await oneStop(app.url);
  s1 = os.byPrefix.get('A')!;
  s2 = os.byPrefix.get('T')!;
  for (const [n, c] of await countersByNumber(space, os.officeId)) counter[n] = c.id;
  [op1, op2, op3] = await Promise.all(['operatore1', 'operatore2', 'operatore3'].map((u) => clerk(app.url, u)));
  op2Id = (await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore2' } })).id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

beforeEach(async () => {
  // Every test starts with nobody waiting and these three counters open on s1 only.
  expect(await space.db.ticket.count({ where: { status: { in: ['waiting', 'called', 'serving'] } } })).toBe(0);
  await openCounter(op1, counter[1], [s1.id]);
  await openCounter(op2, counter[2], [s1.id]);
  await openCounter(op3, counter[3], [s1.id]);
});

async function callNext(c: ApiClient, counterId: string) {
  const r = await c.post(`/api/counters/${counterId}/call-next`);
  expect([200, 204], JSON.stringify(r.body)).toContain(r.status);
  return r.status === 200 ? (r.body.ticket as { id: string; number: string; serviceId: string; transferred: boolean }) : null;
}

async function complete(c: ApiClient, ticketId: string) {
  const r = await c.post(`/api/tickets/${ticketId}/complete`, { outcome: 'done' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function transferredEvent(ticketId: string) {
  const events = await space.db.ticketEvent.findMany({ where: { ticketId, type: 'transferred' } });
  expect(events.length).toBe(1);
  return events[0];
}

describe('transfer', () => {
  it('to a service keeps the number and the original queue time, in that service’s queue', async () => {
    await openCounter(op2, counter[2], [s2.id]);
    const t = await issue(kiosk, s1.id);
    const issuedRow = await space.db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    const later = await issue(kiosk, s2.id); // arrives after t, directly for s2

    expect((await callNext(op1, counter[1]))?.id).toBe(t.id);
    const r = await op1.post(`/api/tickets/${t.id}/transfer`, { serviceId: s2.id, note: 'needs the tax desk' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.ticket).toMatchObject({
      id: t.id,
      number: t.number,
      status: 'waiting',
      serviceId: s2.id,
      transferred: true,
      calledAt: null,
    });

    const row = await space.db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.queuedAt.getTime()).toBe(issuedRow.queuedAt.getTime());
    expect(row.number).toBe(t.number);
    expect(row.originalServiceId).toBe(s1.id);
    expect(row.counterId).toBeNull();
    expect(row.staffId).toBeNull();

    const ev = await transferredEvent(t.id);
    expect(ev).toMatchObject({ fromServiceId: s1.id, serviceId: s2.id, counterId: counter[1] });
    expect(ev.data).toMatchObject({ toServiceId: s2.id, toCounterId: null, toStaffId: null });

    const pub = await kiosk.get(`/api/tickets/${t.code}`);
    expect(pub.body).toMatchObject({ number: t.number, status: 'waiting', service: { id: s2.id }, counter: null });
    // Ahead of the s2 ticket issued after it.
    expect(pub.body.position).toBe(0);

    // Gone from s1: the s1 counters have nothing; the s2 counter takes it before the later ticket.
    expect(await callNext(op1, counter[1])).toBeNull();
    expect(await callNext(op3, counter[3])).toBeNull();
    const first = await callNext(op2, counter[2]);
    expect(first?.id).toBe(t.id);
    expect(first?.number).toBe(t.number);
    await complete(op2, t.id);
    expect((await callNext(op2, counter[2]))?.id).toBe(later.id);
    await complete(op2, later.id);
    expect(await space.db.ticketEvent.count({ where: { ticketId: t.id, type: 'called' } })).toBe(2);
  });

  it('to a counter: only that counter gets it', async () => {
    const t = await issue(kiosk, s1.id);
    expect((await callNext(op1, counter[1]))?.id).toBe(t.id);
    const r = await op1.post(`/api/tickets/${t.id}/transfer`, { counterId: counter[3] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.ticket).toMatchObject({ number: t.number, status: 'waiting', serviceId: s1.id });
    const ev = await transferredEvent(t.id);
    expect(ev).toMatchObject({ fromServiceId: s1.id, serviceId: s1.id, counterId: counter[1] });
    expect(ev.data).toMatchObject({ toCounterId: counter[3] });

    // Counters 1 and 2 serve the same service but do not get it.
    expect(await callNext(op2, counter[2])).toBeNull();
    expect(await callNext(op1, counter[1])).toBeNull();
    const other = await issue(kiosk, s1.id);
    expect((await callNext(op2, counter[2]))?.id).toBe(other.id);
    await complete(op2, other.id);

    // Counter 3 gets it, ahead of a newer ticket of its service.
    const newer = await issue(kiosk, s1.id);
    const got = await callNext(op3, counter[3]);
    expect(got).toMatchObject({ id: t.id, number: t.number, transferred: true });
    await complete(op3, t.id);
    expect((await callNext(op3, counter[3]))?.id).toBe(newer.id);
    await complete(op3, newer.id);
  });

  it('to a colleague: only that clerk gets it, at whatever counter they sit', async () => {
    // Counter 2 serves s2 only, yet its clerk receives the s1 ticket sent to them personally.
    await openCounter(op2, counter[2], [s2.id]);
    const t = await issue(kiosk, s1.id);
    expect((await callNext(op1, counter[1]))?.id).toBe(t.id);
    const r = await op1.post(`/api/tickets/${t.id}/transfer`, { staffId: op2Id, note: 'ask Marco' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ev = await transferredEvent(t.id);
    expect(ev).toMatchObject({ fromServiceId: s1.id, serviceId: s1.id });
    expect(ev.data).toMatchObject({ toStaffId: op2Id, note: 'ask Marco' });

    expect(await callNext(op3, counter[3])).toBeNull();
    expect(await callNext(op1, counter[1])).toBeNull();

    // The colleague moves to another counter: the ticket follows them.
    expect((await op2.post(`/api/counters/${counter[2]}/close`)).status).toBe(200);
    await openCounter(op2, counter[4], [s2.id]);
    const got = await callNext(op2, counter[4]);
    expect(got).toMatchObject({ id: t.id, number: t.number, serviceId: s1.id });
    await complete(op2, t.id);
    expect((await op2.post(`/api/counters/${counter[4]}/close`)).status).toBe(200);
  });
});

describe('pause and resume', () => {
  it('a paused counter cannot call (409 counter_paused) and calls again once resumed', async () => {
    const openBefore = (await kiosk.get('/api/queues')).body.find(
      (q: { serviceId: string }) => q.serviceId === s1.id,
    ).openCounters;
    const paused = await op1.post(`/api/counters/${counter[1]}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.counter.state).toBe('paused');
    // A paused counter does not count for wait estimates.
    expect((await kiosk.get('/api/queues')).body.find((q: { serviceId: string }) => q.serviceId === s1.id).openCounters).toBe(
      openBefore - 1,
    );

    const t = await issue(kiosk, s1.id);
    expectApiError(await op1.post(`/api/counters/${counter[1]}/call-next`), 409, 'counter_paused');
    expect((await op1.post(`/api/counters/${counter[1]}/pause`)).body.counter.state).toBe('paused');
    expect((await space.db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('waiting');

    const resumed = await op1.post(`/api/counters/${counter[1]}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.counter.state).toBe('open');
    expect(resumed.body.waiting.map((w: { id: string }) => w.id)).toEqual([t.id]);
    expect((await callNext(op1, counter[1]))?.id).toBe(t.id);
    await complete(op1, t.id);
  });
});

describe('citizen cancels', () => {
  it('the ticket leaves the queue and is never called', async () => {
    const [a, b, c] = [await issue(kiosk, s1.id), await issue(kiosk, s1.id), await issue(kiosk, s1.id)];
    expect((await kiosk.get(`/api/tickets/${c.code}`)).body.position).toBe(2);

    const r = await kiosk.post(`/api/tickets/${b.code}/cancel`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ number: b.number, status: 'cancelled', position: null });
    expect(await space.db.ticketEvent.count({ where: { ticketId: b.id, type: 'cancelled' } })).toBe(1);

    const q = (await kiosk.get('/api/queues')).body.find((x: { serviceId: string }) => x.serviceId === s1.id);
    expect(q.waiting).toBe(2);
    expect((await kiosk.get(`/api/tickets/${c.code}`)).body.position).toBe(1);

    expect(await serveAll(op1, counter[1])).toEqual([a.id, c.id]);
    expect(await callNext(op2, counter[2])).toBeNull();
    expect(await space.db.ticketEvent.count({ where: { ticketId: b.id, type: 'called' } })).toBe(0);
    expect((await kiosk.get(`/api/tickets/${b.code}`)).body.status).toBe('cancelled');
  });
});
