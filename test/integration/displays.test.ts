/**
 * Configurable waiting-room displays on a real app process (PostgreSQL, Redis, socket.io): admin
 * CRUD with one audit row per change, roles, bad input changes nothing, the public snapshot
 * keeps only the display's services (queues and calls), calls carry their service, an unknown or
 * inactive display is a 404, and open screens are told to reload their configuration.
 */
import { io as connectIo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplaySnapshot } from '../../contract/display';
import type { QueueInfo, QueuesUpdate } from '../../contract/queues';
import { withFigures } from '../../ui/queueFigures';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import {
  clerk,
  collect,
  connectSocket,
  countersByNumber,
  expectApiError,
  issue,
  oneStop,
  openCounter,
  subscribe,
  type OneStop,
} from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let os: OneStop;
let admin: ApiClient;
let anon: ApiClient;
let anagrafe: { id: string; serviceIds: string[] };
let tributiServiceId: string;
let otherOfficeServiceId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  os = await oneStop(app.url);
  admin = await clerk(app.url, 'admin');
  anon = new ApiClient(app.url);
  const cat = await space.db.category.findUniqueOrThrow({ where: { slug: 'anagrafe' } });
  const services = await space.db.service.findMany({
    where: { officeId: os.officeId, categoryId: cat.id },
    select: { id: true },
  });
  anagrafe = { id: cat.id, serviceIds: services.map((s) => s.id) };
  const tributi = os.desk.find((s) => !anagrafe.serviceIds.includes(s.id) && s.code.startsWith('tari'))!;
  tributiServiceId = tributi.id;
  otherOfficeServiceId = (await space.db.service.findFirstOrThrow({ where: { officeId: { not: os.officeId } } })).id;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
  await space?.drop();
});

async function counts() {
  return { displays: await space.db.display.count(), audit: await space.db.auditLog.count() };
}

async function audited<T>(fn: () => Promise<T>) {
  const last = (await space.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
  const result = await fn();
  const rows = await space.db.auditLog.findMany({ where: { id: { gt: last } } });
  return { result, rows };
}

const newDisplay = (over: Record<string, unknown> = {}) => ({
  officeId: os.officeId,
  name: 'Anagrafe',
  slug: 'schermo-anagrafe',
  categoryIds: [anagrafe.id],
  ticker: [{ it: 'Portate una fototessera', en: 'Bring a passport photo' }],
  ...over,
});

describe('roles', () => {
  it('refuses anonymous callers (401), operators and supervisors (403), and changes nothing', async () => {
    const demo = await space.db.display.findFirstOrThrow();
    const op = await clerk(app.url, 'operatore1');
    const sup = await clerk(app.url, 'supervisore');
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/displays'],
      ['POST', '/api/admin/displays', newDisplay()],
      ['PATCH', `/api/admin/displays/${demo.id}`, { name: 'X' }],
      ['DELETE', `/api/admin/displays/${demo.id}`],
    ];
    const before = await counts();
    for (const [method, path, body] of calls) {
      expectApiError(await anon.request(method, path, body), 401, 'unauthorized');
      expectApiError(await op.request(method, path, body), 403, 'forbidden');
      expectApiError(await sup.request(method, path, body), 403, 'forbidden');
    }
    expect(await counts()).toEqual(before);
  });
});

describe('administration', () => {
  let displayId: string;

  it('lists the demo displays of an office', async () => {
    const r = await admin.get(`/api/admin/displays?officeId=${os.officeId}`);
    expect(r.status).toBe(200);
    expect(r.body.map((d: { slug: string }) => d.slug).sort()).toEqual(['anagrafe-stato-civile', 'sala-attesa']);
  });

  it('creates a display with one audit row', async () => {
    const { result, rows } = await audited(() => admin.post('/api/admin/displays', newDisplay()));
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    displayId = result.body.id;
    expect(result.body).toMatchObject({
      slug: 'schermo-anagrafe',
      active: true,
      categoryIds: [anagrafe.id],
      serviceIds: [],
      ticker: [{ it: 'Portate una fototessera', en: 'Bring a passport photo' }],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', entity: 'display', entityId: displayId, before: null });
    expect(rows[0].after).toMatchObject({ name: 'Anagrafe', slug: 'schermo-anagrafe' });
  });

  it('updates a display with before and after', async () => {
    const { result, rows } = await audited(() =>
      admin.request('PATCH', `/api/admin/displays/${displayId}`, {
        name: 'Anagrafe e tributi',
        serviceIds: [tributiServiceId],
        ticker: [
          { it: 'Nuovo avviso', en: 'New notice', ar: 'إعلان جديد' },
          { it: 'Secondo', en: ' ' },
        ],
      }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({
      name: 'Anagrafe e tributi',
      serviceIds: [tributiServiceId],
      ticker: [{ it: 'Nuovo avviso', en: 'New notice', ar: 'إعلان جديد' }, { it: 'Secondo' }],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', entity: 'display', entityId: displayId });
    expect(rows[0].before).toMatchObject({ name: 'Anagrafe', ticker: [{ it: 'Portate una fototessera' }] });
    expect(rows[0].after).toMatchObject({ name: 'Anagrafe e tributi', ticker: [{ it: 'Nuovo avviso' }, { it: 'Secondo' }] });
    // Back to the category alone for the snapshot tests.
    expect((await admin.request('PATCH', `/api/admin/displays/${displayId}`, { name: 'Anagrafe', serviceIds: [] })).status).toBe(
      200,
    );
  });

  it('rejects bad input with a 4xx JSON error and changes nothing', async () => {
    const before = await counts();
    const stored = await space.db.display.findUniqueOrThrow({ where: { id: displayId } });
    const post = (over: Record<string, unknown>) =>
      admin.post('/api/admin/displays', newDisplay({ slug: 'altro-schermo', ...over }));
    expectApiError(await post({ serviceIds: ['nope'] }), 422, 'unknown_service');
    expectApiError(await post({ serviceIds: [otherOfficeServiceId] }), 422, 'other_office');
    expectApiError(await post({ categoryIds: ['nope'] }), 422, 'unknown_category');
    expectApiError(await post({ officeId: 'nope' }), 422, 'unknown_office');
    expectApiError(await post({ ticker: [{ it: 'x'.repeat(201) }] }), 400, 'invalid_input');
    expectApiError(await post({ ticker: [{ it: 'uno', zh: 'x'.repeat(201) }] }), 400, 'invalid_input');
    expectApiError(await post({ ticker: Array.from({ length: 11 }, (_, i) => ({ it: `m${i}` })) }), 400, 'invalid_input');
    expectApiError(await post({ ticker: [{ en: 'English only' }] }), 400, 'invalid_input');
    expectApiError(await post({ ticker: [{ it: '  ' }] }), 400, 'invalid_input');
    expectApiError(await post({ ticker: ['uno'] }), 400, 'invalid_input');
    expectApiError(await post({ slug: 'Con Spazi' }), 400, 'invalid_input');
    expectApiError(await post({ slug: '-x' }), 400, 'invalid_input');
    expectApiError(await post({ slug: 'a/b' }), 400, 'invalid_input');
    expectApiError(await post({ slug: 'schermo-anagrafe' }), 409, 'display_slug_taken');
    expectApiError(await post({ name: ' ' }), 400, 'invalid_input');
    expectApiError(await post({ name: 'x'.repeat(81) }), 400, 'invalid_input');
    expectApiError(await post({ serviceIds: [tributiServiceId, tributiServiceId] }), 400, 'invalid_input');
    expectApiError(await post({ color: 'red' }), 400, 'invalid_input');
    expectApiError(await admin.post('/api/admin/displays', '{"officeId":'), 400, 'invalid_json');
    expectApiError(
      await admin.request('PATCH', `/api/admin/displays/${displayId}`, { serviceIds: [otherOfficeServiceId] }),
      422,
      'other_office',
    );
    expectApiError(
      await admin.request('PATCH', `/api/admin/displays/${displayId}`, { slug: 'sala-attesa' }),
      409,
      'display_slug_taken',
    );
    expectApiError(
      await admin.request('PATCH', `/api/admin/displays/${displayId}`, { ticker: [{ it: 'solo italiano', xx: 'x' }] }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.request('PATCH', `/api/admin/displays/${displayId}`, { officeId: os.officeId }),
      400,
      'invalid_input',
    );
    expectApiError(await admin.request('PATCH', '/api/admin/displays/nope', { name: 'X' }), 404, 'not_found');
    expectApiError(await admin.request('DELETE', '/api/admin/displays/nope'), 404, 'not_found');
    expect(await counts()).toEqual(before);
    expect(await space.db.display.findUniqueOrThrow({ where: { id: displayId } })).toEqual(stored);
  });
});

describe('public snapshot', () => {
  it('keeps only the display’s queues and calls; every call carries its service', async () => {
    const a1 = await issue(anon, anagrafe.serviceIds[0]);
    const t1 = await issue(anon, tributiServiceId);
    await issue(anon, tributiServiceId);
    const counter = (await countersByNumber(space, os.officeId)).get(1)!;
    const op = await clerk(app.url, 'operatore1');
    await openCounter(op, counter.id, [anagrafe.serviceIds[0], tributiServiceId]);

    // A whole-office screen hears every call; the display's own filter drops the Tributi one.
    const socket = await connectSocket(app.url);
    sockets.push(socket);
    const ack = await subscribe<DisplaySnapshot>(socket, 'display:subscribe', { display: 'schermo-anagrafe' });
    expect(ack.ok).toBe(true);
    const calls = collect<{ number: string; serviceId: string }>(socket, 'call');
    const called: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await op.post(`/api/counters/${counter.id}/call-next`);
      expect(r.status).toBe(200);
      called.push(r.body.ticket.number);
      expect((await op.post(`/api/tickets/${r.body.ticket.id}/complete`, { outcome: 'done' })).status).toBe(200);
    }
    expect(called.sort()).toEqual([a1.number, t1.number].sort());
    expect((await calls.next((c) => c.number === t1.number)).serviceId).toBe(tributiServiceId);
    expect((await calls.next((c) => c.number === a1.number)).serviceId).toBe(anagrafe.serviceIds[0]);

    const r = await anon.get('/api/display?display=schermo-anagrafe');
    expect(r.status).toBe(200);
    const snap = r.body as DisplaySnapshot;
    expect(snap.office.id).toBe(os.officeId);
    expect(snap.display).toMatchObject({
      name: 'Anagrafe',
      slug: 'schermo-anagrafe',
      ticker: [{ it: 'Nuovo avviso', en: 'New notice', ar: 'إعلان جديد' }, { it: 'Secondo' }],
    });
    expect([...(snap.display?.serviceIds ?? [])].sort()).toEqual([...anagrafe.serviceIds].sort());
    expect(snap.queues.length).toBeGreaterThan(0);
    expect(snap.queues.every((q) => anagrafe.serviceIds.includes(q.serviceId))).toBe(true);
    expect(snap.calls.map((c) => c.number)).toEqual([a1.number]);
    expect(snap.calls[0].serviceId).toBe(anagrafe.serviceIds[0]);

    // By id too; the whole office (officeId=) still shows everything, without a display.
    const byId = await anon.get(`/api/display?display=${snap.display?.id}`);
    expect(byId.body.display.slug).toBe('schermo-anagrafe');
    const whole = (await anon.get(`/api/display?officeId=${os.officeId}`)).body as DisplaySnapshot;
    expect(whole.display).toBeNull();
    expect(whole.calls.map((c) => c.number).sort()).toEqual([a1.number, t1.number].sort());
    expect(whole.queues.some((q) => q.serviceId === tributiServiceId)).toBe(true);
    // The demo whole-office display: every service, with its ticker.
    const sala = (await anon.get('/api/display?display=sala-attesa')).body as DisplaySnapshot;
    expect(sala.display?.serviceIds).toBeNull();
    expect(sala.display?.ticker.length).toBeGreaterThan(0);
    expect(sala.calls).toHaveLength(2);
  });

  it('sends the figures of the services that changed, and a screen built up from them shows what the office has', async () => {
    const socket = await connectSocket(app.url);
    sockets.push(socket);
    const updates = collect<QueuesUpdate>(socket, 'queues');
    const ack = await subscribe<DisplaySnapshot>(socket, 'display:subscribe', { officeId: os.officeId });
    if (!ack.ok) throw new Error(ack.error.message);
    const services = ack.data.queues.length;
    const waitingAt = (queues: { serviceId: string; waiting: number }[]) =>
      queues.find((q) => q.serviceId === tributiServiceId)?.waiting ?? NaN;
    const before = waitingAt(ack.data.queues);
    const own: QueuesUpdate[] = [];
    for (let i = 1; i <= 3; i++) {
      await issue(anon, tributiServiceId);
      own.push(await updates.next((u) => waitingAt(u.figures) === before + i));
    }
    // After the feed's first, complete update, the next ones list only what changed. Not only ours:
    // a pass for the previous test's counter may come in too (another service's estimate alone).
    expect(own.filter((u) => !u.complete).length).toBeGreaterThan(0);
    const partial = updates.seen.filter((u) => !u.complete);
    for (const u of partial) expect(u.figures.length).toBeLessThan(services);
    const shown = updates.seen.reduce<QueueInfo[]>((queues, u) => withFigures(queues, u), ack.data.queues);
    const office = (await anon.get(`/api/queues?officeId=${os.officeId}`)).body as QueueInfo[];
    expect(shown.map((q) => [q.serviceId, q.waiting])).toEqual(office.map((q) => [q.serviceId, q.waiting]));
  });

  it('gives every screen the same snapshot, over WebSocket and long polling, each with its own clock', async () => {
    // Over WebSocket the displays' snapshot is one shared frame (server/socket/shared-answer.ts);
    // over long polling it is written out as text: both must read as the plain answer.
    const ws = await Promise.all([connectSocket(app.url), connectSocket(app.url)]);
    const polling = connectIo(app.url, { path: '/socket.io', transports: ['polling'], reconnection: false, forceNew: true });
    sockets.push(...ws, polling);
    const acks = await Promise.all(
      [...ws, polling].map((s) => subscribe<DisplaySnapshot>(s, 'display:subscribe', { display: 'sala-attesa' })),
    );
    expect(polling.io.engine.transport.name).toBe('polling');
    const http = (await anon.get('/api/display?display=sala-attesa')).body as DisplaySnapshot;
    const plain = acks.map((ack) => {
      if (!ack.ok) throw new Error(ack.error.code);
      const { serverTime, ...rest } = ack.data;
      expect(Math.abs(Date.parse(serverTime) - Date.now())).toBeLessThan(10_000);
      return rest;
    });
    expect(plain[1]).toEqual(plain[0]);
    expect(plain[2]).toEqual(plain[0]);
    expect(plain[0].display).toEqual(http.display);
    expect(plain[0].office).toEqual(http.office);
    expect(plain[0].queues.map((q) => q.serviceId)).toEqual(http.queues.map((q) => q.serviceId));
  });

  it('answers 404 for an unknown or inactive display, over HTTP and socket', async () => {
    expectApiError(await anon.get('/api/display?display=non-esiste'), 404, 'not_found');
    expectApiError(await anon.get(`/api/display?display=${'x'.repeat(65)}`), 400, 'invalid_input');
    const socket = await connectSocket(app.url);
    sockets.push(socket);
    expect(await subscribe(socket, 'display:subscribe', { display: 'non-esiste' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const d = await space.db.display.findUniqueOrThrow({ where: { slug: 'schermo-anagrafe' } });
    expect((await admin.request('PATCH', `/api/admin/displays/${d.id}`, { active: false })).status).toBe(200);
    expectApiError(await anon.get('/api/display?display=schermo-anagrafe'), 404, 'not_found');
    // The inactive display's screen still hears its office and comes back when activated again.
    expect(await subscribe(socket, 'display:subscribe', { display: 'schermo-anagrafe' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const changed = collect(socket, 'displayChanged');
    expect((await admin.request('PATCH', `/api/admin/displays/${d.id}`, { active: true })).status).toBe(200);
    await changed.next();
    expect((await subscribe(socket, 'display:subscribe', { display: 'schermo-anagrafe' })).ok).toBe(true);
  });
});

describe('live changes', () => {
  it('tells open screens to reload after a display or a service changes, and the new snapshot has the change', async () => {
    const d = await space.db.display.findUniqueOrThrow({ where: { slug: 'schermo-anagrafe' } });
    const socket = await connectSocket(app.url);
    sockets.push(socket);
    expect((await subscribe(socket, 'display:subscribe', { display: 'schermo-anagrafe' })).ok).toBe(true);
    const changed = collect(socket, 'displayChanged');
    expect(
      (
        await admin.request('PATCH', `/api/admin/displays/${d.id}`, {
          ticker: [{ it: 'Avviso cambiato', en: 'Changed notice' }],
        })
      ).status,
    ).toBe(200);
    await changed.next();
    const again = await subscribe<DisplaySnapshot>(socket, 'display:subscribe', { display: 'schermo-anagrafe' });
    expect(again.ok && again.data.display?.ticker).toEqual([{ it: 'Avviso cambiato', en: 'Changed notice' }]);

    // A service moved into the display's category joins it (and a rename reaches the screens).
    const moved = collect(socket, 'displayChanged');
    expect(
      (
        await admin.request('PATCH', `/api/admin/services/${tributiServiceId}`, {
          categoryId: anagrafe.id,
          name: { it: 'TARI allo sportello anagrafe', en: 'Waste tax at the registry desk' },
        })
      ).status,
    ).toBe(200);
    await moved.next();
    const after = await subscribe<DisplaySnapshot>(socket, 'display:subscribe', { display: 'schermo-anagrafe' });
    expect(after.ok && after.data.display?.serviceIds).toContain(tributiServiceId);
    expect(after.ok && after.data.queues.find((q) => q.serviceId === tributiServiceId)?.name).toEqual({
      it: 'TARI allo sportello anagrafe',
      en: 'Waste tax at the registry desk',
    });

    // Deleted: one audit row, then 404.
    const { result, rows } = await audited(() => admin.request('DELETE', `/api/admin/displays/${d.id}`));
    expect(result.status).toBe(204);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'delete', entity: 'display', entityId: d.id, after: null });
    expect(rows[0].before).toMatchObject({ slug: 'schermo-anagrafe' });
    expectApiError(await anon.get('/api/display?display=schermo-anagrafe'), 404, 'not_found');
  });
});
