/**
 * Two app processes on the same database and Redis (as behind a load balancer): screens
 * connected to one process see what clerks do on the other, through the socket.io Redis adapter.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInfo, DisplaySnapshot } from '../../contract/display';
import type { CounterSnapshot, CounterUpdate } from '../../contract/counters';
import type { SupervisorSnapshot } from '../../contract/supervisor';
import { rooms } from '../../server/realtime/rooms';
import { redisKeys } from '../../server/redis/keys';
import { queueFiguresSchema, type QueuesUpdate } from '../../contract/queues';
import type { TicketPublic } from '../../contract/tickets';
import { ApiClient } from '../helpers/api';
import { kioskScreen, pairedKioskClient, pairingCode } from '../helpers/kiosks';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import {
  clerk,
  clientWithCookie,
  collect,
  connectSocket,
  cookieOf,
  countersByNumber,
  issue,
  oneStop,
  openCounter,
  subscribe,
  type ServiceRow,
} from '../helpers/sportello';

let space: TestSpace;
let appA: TestApp;
let appB: TestApp;
let officeId: string;
let service: ServiceRow;
let counter1: { id: string; number: number; name: string };
let counter2: { id: string; number: number; name: string };
const sockets: Socket[] = [];

beforeAll(async () => {
  space = await createTestSpace();
  [appA, appB] = await Promise.all([startApp(space), startApp(space)]);
  const os = await oneStop(appA.url);
  officeId = os.officeId;
  service = os.desk[0];
  const counters = await countersByNumber(space, officeId);
  counter1 = counters.get(1)!;
  counter2 = counters.get(2)!;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all([appA?.stop(), appB?.stop()]);
  await space?.drop();
});

async function socketOn(url: string, cookie?: string) {
  const s = await connectSocket(url, cookie);
  sockets.push(s);
  return s;
}

describe('two app processes', () => {
  it('a call made on process A reaches the display, the phone and the counter screen on process B', async () => {
    const opA = await clerk(appA.url, 'operatore1');
    await openCounter(opA, counter1.id, [service.id]);

    const display = await socketOn(appB.url);
    const calls = collect<CallInfo>(display, 'call');
    const queues = collect<QueuesUpdate>(display, 'queues');
    const snap = await subscribe<DisplaySnapshot>(display, 'display:subscribe', {});
    expect(snap.ok).toBe(true);
    expect(snap.ok && snap.data.office.id).toBe(officeId);

    // Issued on A: B's display gets the new queue figures.
    const ticket = await issue(new ApiClient(appA.url), service.id);
    const q = await queues.next((u) => u.figures.some((x) => x.serviceId === service.id && x.waiting === 1));
    expect(q.figures.find((x) => x.serviceId === service.id)?.waiting).toBe(1);
    // Figures only: the names came with the snapshot.
    expect(q.figures.every((x) => queueFiguresSchema.strict().safeParse(x).success)).toBe(true);

    const phone = await socketOn(appB.url);
    const updates = collect<TicketPublic>(phone, 'ticket');
    const sub = await subscribe<TicketPublic>(phone, 'ticket:subscribe', { code: ticket.code });
    expect(sub.ok && sub.data.status).toBe('waiting');

    // The clerk's own screen, connected to B with the session made on A.
    const screen = await socketOn(appB.url, cookieOf(opA));
    const counterUpdates = collect<CounterUpdate>(screen, 'counter');
    const cs = await subscribe<CounterSnapshot>(screen, 'counter:subscribe', { counterId: counter1.id });
    expect(cs.ok).toBe(true);
    expect(cs.ok && cs.data.waiting.map((w) => w.number)).toEqual([ticket.number]);

    const called = await opA.post(`/api/counters/${counter1.id}/call-next`);
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe(ticket.number);

    const call = await calls.next((c) => c.ticketId === ticket.id);
    expect(call).toMatchObject({
      number: ticket.number,
      counterNumber: counter1.number,
      counterName: counter1.name,
      recall: false,
    });

    const pub = await updates.next((t) => t.status === 'called');
    expect(pub.number).toBe(ticket.number);
    expect(pub.counter).toEqual({ number: counter1.number, name: counter1.name });
    expect(pub.position).toBeNull();

    const mine = await counterUpdates.next((s) => s.current?.id === ticket.id);
    expect(mine.current?.status).toBe('called');
    expect(mine.waiting).toEqual([]);
    // The office's named queues came with the snapshot; the feed's updates leave them out but now and then.
    expect(counterUpdates.seen.some((s) => s.queues === undefined)).toBe(true);

    // A recall on A is announced again on B, marked as a recall, with a newer sequence number.
    expect((await opA.post(`/api/tickets/${ticket.id}/recall`)).status).toBe(200);
    const recall = await calls.next((c) => c.ticketId === ticket.id && c.recall);
    expect(recall.seq).toBeGreaterThan(call.seq);
    expect(recall.counterNumber).toBe(counter1.number);

    expect((await opA.post(`/api/tickets/${ticket.id}/complete`)).status).toBe(200);
    const done = await updates.next((t) => t.status === 'completed');
    expect(done.counter).toBeNull();
  });

  it('and the other way round: a call on B reaches a display on A', async () => {
    const opB = await clerk(appB.url, 'operatore2');
    await openCounter(opB, counter2.id, [service.id]);
    const display = await socketOn(appA.url);
    const calls = collect<CallInfo>(display, 'call');
    expect((await subscribe<DisplaySnapshot>(display, 'display:subscribe', { officeId })).ok).toBe(true);

    // Paired through process A, issuing on process B: the credential lives in the shared database.
    const screen = clientWithCookie(appB.url, cookieOf(await kioskScreen(appA.url, officeId)));
    const ticket = await issue(screen, service.id, 'elderly');
    const r = await opB.post(`/api/counters/${counter2.id}/call-next`);
    expect(r.status).toBe(200);
    const call = await calls.next((c) => c.ticketId === ticket.id);
    expect(call.number).toBe(ticket.number);
    expect(call.counterNumber).toBe(counter2.number);

    // A display that connects now to either process gets the same recent calls in its snapshot.
    const late = await socketOn(appB.url);
    const snap = await subscribe<DisplaySnapshot>(late, 'display:subscribe', {});
    expect(snap.ok && snap.data.calls[0]).toMatchObject({ ticketId: ticket.id, counterNumber: counter2.number });
  });

  it("a supervisor's live view on B follows a change made on A: B marks the room as watched for every process", async () => {
    const liveKey = redisKeys(space.redisPrefix).watchedRoom(rooms.supervisor(officeId));
    // Nobody has the live view open: no process computes it.
    expect(await space.redis.exists(liveKey)).toBe(0);
    const sup = await clerk(appA.url, 'supervisore');
    const view = await socketOn(appB.url, cookieOf(sup));
    const live = collect<SupervisorSnapshot>(view, 'supervisor');
    const first = await subscribe<SupervisorSnapshot>(view, 'supervisor:subscribe', { officeId });
    expect(first.ok).toBe(true);
    expect(await space.redis.exists(liveKey)).toBe(1);
    const before = (first.ok && first.data.queues.find((q) => q.serviceId === service.id)?.waiting) || 0;

    // Issued on A, whose feed has no supervisor of its own: it computes the view for B's.
    await issue(new ApiClient(appA.url), service.id);
    const after = await live.next((v) => (v.queues.find((q) => q.serviceId === service.id)?.waiting ?? 0) === before + 1);
    expect(after.office.id).toBe(officeId);
  });

  it('a login ended or changed on one process is refused or read anew at once by the other (sessions cached per process)', async () => {
    const op = await clerk(appA.url, 'operatore3');
    const admin = await clerk(appB.url, 'admin');
    const onB = clientWithCookie(appB.url, cookieOf(op));
    // Both processes have read the login (and may keep it for a while).
    expect((await op.get('/api/auth/me')).status).toBe(200);
    expect((await onB.get('/api/auth/me')).status).toBe(200);
    const staffId = (await onB.get('/api/auth/me')).body.staff.id as string;

    // A new name given on B shows on A; the announcement travels through Redis, so allow it a moment.
    expect((await admin.request('PATCH', `/api/admin/staff/${staffId}`, { displayName: 'Operatore Tre bis' })).status).toBe(200);
    await expect
      .poll(async () => (await op.get('/api/auth/me')).body.staff.displayName, { timeout: 2000 })
      .toBe('Operatore Tre bis');

    // Logged out on A: B refuses the same cookie.
    expect((await op.post('/api/auth/logout')).status).toBeLessThan(300);
    await expect.poll(async () => (await onB.get('/api/auth/me')).status, { timeout: 2000 }).toBe(401);

    // Deactivated on B: a fresh login of theirs, read by A, is refused by A.
    const again = await clerk(appA.url, 'operatore3');
    expect((await again.get('/api/auth/me')).status).toBe(200);
    expect((await admin.request('PATCH', `/api/admin/staff/${staffId}`, { active: false })).status).toBe(200);
    await expect.poll(async () => (await again.get('/api/auth/me')).status, { timeout: 2000 }).toBe(401);
    expect((await admin.request('PATCH', `/api/admin/staff/${staffId}`, { active: true })).status).toBe(200);
  });

  it('a kiosk screen unpaired or deactivated on one process is refused at once by the other (credentials cached per process)', async () => {
    const admin = await clerk(appB.url, 'admin');
    const { kioskId, client: screenA } = await pairedKioskClient(appA.url, admin, officeId);
    const priorityTicket = (c: ApiClient) => c.post('/api/tickets', { serviceId: service.id, priority: 'elderly' });
    // Priority tickets are for paired kiosks only: A has read (and may keep) the credential.
    expect((await priorityTicket(screenA)).status).toBe(201);
    expect((await priorityTicket(screenA)).status).toBe(201);

    // Unpaired on B: A refuses the same screen's priority ticket.
    expect((await admin.request('DELETE', `/api/kiosks/${kioskId}/pairing`)).status).toBeLessThan(300);
    await expect.poll(async () => (await priorityTicket(screenA)).body.error?.code, { timeout: 2000 }).toBe('kiosk_required');

    // Paired again (a new credential), read by A, then deactivated on B: refused by A.
    const again = new ApiClient(appA.url);
    expect((await again.post('/api/kiosks/pair', { code: await pairingCode(admin, kioskId) })).status).toBe(200);
    expect((await priorityTicket(again)).status).toBe(201);
    expect((await admin.request('PATCH', `/api/kiosks/${kioskId}`, { active: false })).status).toBe(200);
    await expect.poll(async () => (await priorityTicket(again)).body.error?.code, { timeout: 2000 }).toBe('kiosk_required');
  });
});
