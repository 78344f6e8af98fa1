/**
 * Offices, appointment hours, closures, patron day and kiosks as administered from
 * /admin/config/offices and /admin/config/kiosks, on a real app process: operators and
 * supervisors are refused every write (403), every write leaves exactly one AuditLog row with
 * before/after (a kiosk's token and its hash never in it), bad input is a 4xx JSON error that
 * changes nothing (rows counted, audit rows included), and a change of hours or a closure shows in
 * the slots offered at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, expectApiError } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let admin: ApiClient;
let sup: ApiClient;
let op: ApiClient;
/** A specialist office with an appointment service and its seeded schedule. */
let officeId: string;
let serviceId: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  admin = await clerk(app.url, 'admin');
  sup = await clerk(app.url, 'supervisore');
  op = await clerk(app.url, 'operatore1');
  const schedule = await space.db.schedule.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } });
  officeId = schedule.officeId;
  serviceId = schedule.serviceId;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

async function counts() {
  const db = space.db;
  return {
    offices: await db.office.count(),
    schedules: await db.schedule.count(),
    hours: await db.scheduleHours.count(),
    closures: await db.closure.count(),
    patron: await db.patronDay.count(),
    kiosks: await db.kiosk.count(),
    audit: await db.auditLog.count(),
    // Any changed field shows up here.
    state: JSON.stringify([
      await db.office.findMany({ orderBy: { id: 'asc' } }),
      await db.schedule.findMany({
        orderBy: { id: 'asc' },
        select: { id: true, slotMinutes: true, capacity: true, horizonDays: true, minNoticeMinutes: true, active: true },
      }),
      await db.kiosk.findMany({
        orderBy: { id: 'asc' },
        select: { id: true, name: true, tokenHash: true, active: true, paperWidth: true },
      }),
      await db.patronDay.findMany({ orderBy: { officeId: 'asc' } }),
    ]),
  };
}

/** Runs a change and returns the audit rows it wrote. */
async function audited<T>(fn: () => Promise<T>) {
  const last = (await space.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
  const result = await fn();
  const rows = await space.db.auditLog.findMany({ where: { id: { gt: last } } });
  return { result, rows };
}

/** Local day n days from now in Rome, YYYY-MM-DD. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
const isoWeekday = (d: string) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

const scheduleBody = (over: Record<string, unknown> = {}) => ({
  officeId,
  serviceId,
  slotMinutes: 30,
  capacity: 2,
  horizonDays: 30,
  minNoticeMinutes: 0,
  active: true,
  hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '10:00' })),
  ...over,
});

async function slotTimes(d: string): Promise<{ closed: unknown; times: string[] }> {
  const r = await new ApiClient(app.url).get(
    `/api/appointments/availability?serviceId=${serviceId}&officeId=${officeId}&from=${d}&to=${d}`,
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const found = (r.body.days as { day: string; closed: unknown; slots: { time: string }[] }[]).find((x) => x.day === d);
  return { closed: found?.closed ?? null, times: found?.slots.map((s) => s.time) ?? [] };
}

describe('roles', () => {
  it('refuses operators and supervisors (403) every configuration write, and anonymous callers (401)', async () => {
    const kiosk = await admin.post('/api/kiosks', { officeId, name: 'Chiosco ruoli', printMode: 'none' });
    expect(kiosk.status).toBe(201);
    const kioskId = kiosk.body.kiosk.id as string;
    const closure = await space.db.closure.create({
      data: { officeId, fromDay: day(40), toDay: day(40), reason: { it: 'ruoli' } },
    });
    const writes: [string, string, unknown?][] = [
      ['PUT', '/api/schedules', scheduleBody()],
      ['POST', '/api/schedules/closures', { officeId, fromDay: day(20), toDay: day(21), reason: { it: 'x' } }],
      ['DELETE', `/api/schedules/closures/${closure.id}`],
      ['PUT', '/api/schedules/patron-day', { officeId, patronDay: { month: 6, day: 24, name: { it: 'San Giovanni' } } }],
      ['POST', '/api/kiosks', { officeId, name: 'X', printMode: 'none' }],
      ['PATCH', `/api/kiosks/${kioskId}`, { name: 'X' }],
      ['DELETE', `/api/kiosks/${kioskId}`],
      ['POST', `/api/kiosks/${kioskId}/token`],
      ['GET', '/api/admin/offices'],
      ['POST', '/api/admin/offices', { slug: 'nuovo-ufficio', name: { it: 'Nuovo', en: 'New' } }],
      ['PATCH', `/api/admin/offices/${officeId}`, { name: { it: 'X' } }],
    ];
    const before = await counts();
    const anon = new ApiClient(app.url);
    for (const [method, path, body] of writes) {
      expectApiError(await op.request(method, path, body), 403, 'forbidden');
      expectApiError(await sup.request(method, path, body), 403, 'forbidden');
      expectApiError(await anon.request(method, path, body), 401, 'unauthorized');
    }
    expect(await counts()).toEqual(before);
    // Reads stay open to supervisors.
    expect((await sup.get(`/api/schedules?officeId=${officeId}`)).status).toBe(200);
    expect((await sup.get(`/api/kiosks?officeId=${officeId}`)).status).toBe(200);
    expectApiError(await op.get(`/api/schedules?officeId=${officeId}`), 403, 'forbidden');
  });
});

describe('appointment hours', () => {
  it('saves the weekly hours with one audit row (before and after), and the slots follow at once', async () => {
    const target = day(3);
    const wd = isoWeekday(target);
    const { result, rows } = await audited(() => admin.request('PUT', '/api/schedules', scheduleBody()));
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', entity: 'schedule', entityId: result.body.id });
    expect(rows[0].before).toMatchObject({ officeId, serviceId });
    expect(rows[0].after).toMatchObject({
      slotMinutes: 30,
      capacity: 2,
      hours: expect.arrayContaining([{ weekday: 1, opens: '09:00', closes: '10:00' }]),
    });
    const adminStaff = await space.db.staff.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(rows[0].staffId).toBe(adminStaff.id);
    const first = await slotTimes(target);
    // A national holiday would close the day whatever the hours: only check an open day.
    if (!first.closed) expect(first.times).toEqual(['09:00', '09:30']);

    // A second range on that weekday: offered on the next request, no restart, no cache.
    const hours = [...scheduleBody().hours, { weekday: wd, opens: '15:00', closes: '16:00' }];
    const second = await audited(() => admin.request('PUT', '/api/schedules', scheduleBody({ hours })));
    expect(second.result.status).toBe(200);
    expect(second.rows).toHaveLength(1);
    expect((second.rows[0].before as { hours: unknown[] }).hours).toHaveLength(7);
    expect((second.rows[0].after as { hours: unknown[] }).hours).toHaveLength(8);
    const after = await slotTimes(target);
    if (!after.closed) expect(after.times).toEqual(['09:00', '09:30', '15:00', '15:30']);
  });

  it('refuses bad hours and settings with a 4xx JSON error and field details, changing nothing', async () => {
    const before = await counts();
    const bad: Record<string, unknown>[] = [
      { hours: [{ weekday: 1, opens: '11:00', closes: '10:00' }] },
      { hours: [{ weekday: 1, opens: '10:00', closes: '10:00' }] },
      { hours: [{ weekday: 8, opens: '10:00', closes: '11:00' }] },
      { hours: [{ weekday: 0, opens: '10:00', closes: '11:00' }] },
      { hours: [{ weekday: 1, opens: '9:00', closes: '11:00' }] },
      { hours: [{ weekday: 1, opens: '25:00', closes: '26:00' }] },
      { slotMinutes: 0 },
      { slotMinutes: 1000 },
      { capacity: 0 },
      { horizonDays: 0 },
      { minNoticeMinutes: -5 },
      { active: 'yes' },
    ];
    for (const over of bad)
      expectApiError(await admin.request('PUT', '/api/schedules', scheduleBody(over)), 400, 'invalid_input');
    // Overlapping ranges of one day: the second is named.
    const overlap = await admin.request(
      'PUT',
      '/api/schedules',
      scheduleBody({
        hours: [
          { weekday: 2, opens: '09:00', closes: '11:00' },
          { weekday: 3, opens: '10:00', closes: '12:00' },
          { weekday: 2, opens: '10:30', closes: '12:00' },
        ],
      }),
    );
    expectApiError(overlap, 400, 'invalid_input');
    expect(overlap.body.error.details).toEqual([{ path: 'hours.2', message: expect.stringMatching(/overlap/i) }]);
    const closesBeforeOpens = await admin.request(
      'PUT',
      '/api/schedules',
      scheduleBody({ hours: [{ weekday: 1, opens: '11:00', closes: '10:00' }] }),
    );
    expect(closesBeforeOpens.body.error.details[0].path).toBe('hours.0');
    // Back to back is not an overlap.
    expectApiError(await admin.request('PUT', '/api/schedules', scheduleBody({ officeId: 'nope' })), 404, 'not_found');
    expectApiError(await admin.request('PUT', '/api/schedules', scheduleBody({ serviceId: 'nope' })), 404, 'not_found');
    expect(await counts()).toEqual(before);
    const touching = await admin.request(
      'PUT',
      '/api/schedules',
      scheduleBody({
        hours: [
          { weekday: 2, opens: '09:00', closes: '10:00' },
          { weekday: 2, opens: '10:00', closes: '11:00' },
        ],
      }),
    );
    expect(touching.status, JSON.stringify(touching.body)).toBe(200);
  });
});

describe('closures and patron day', () => {
  it('adds and deletes a closure with one audit row each; the day closes and opens again', async () => {
    await admin.request('PUT', '/api/schedules', scheduleBody());
    const target = day(4);
    const { result, rows } = await audited(() =>
      admin.post('/api/schedules/closures', { officeId, fromDay: target, toDay: target, reason: { it: 'Inventario' } }),
    );
    expect(result.status).toBe(201);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', entity: 'closure', entityId: result.body.id, before: null });
    expect(rows[0].after).toMatchObject({ officeId, fromDay: target, toDay: target, reason: { it: 'Inventario' } });
    const closed = await slotTimes(target);
    expect(closed.closed).toBeTruthy();
    expect(closed.times).toEqual([]);

    const del = await audited(() => admin.request('DELETE', `/api/schedules/closures/${result.body.id}`));
    expect(del.result.status).toBe(204);
    expect(del.rows).toHaveLength(1);
    expect(del.rows[0]).toMatchObject({ action: 'delete', entity: 'closure', entityId: result.body.id, after: null });
    expect(del.rows[0].before).toMatchObject({ reason: { it: 'Inventario' } });
    const reopened = await slotTimes(target);
    if (!reopened.closed) expect(reopened.times.length).toBeGreaterThan(0);
  });

  it('refuses bad closures (last day before the first, bad dates, unknown office, long reason), changing nothing', async () => {
    const before = await counts();
    const r = await admin.post('/api/schedules/closures', { officeId, fromDay: day(10), toDay: day(9), reason: { it: 'x' } });
    expectApiError(r, 400, 'invalid_input');
    expect(r.body.error.details).toEqual([{ path: 'toDay', message: expect.any(String) }]);
    expectApiError(
      await admin.post('/api/schedules/closures', { officeId, fromDay: '2026-13-01', toDay: '2026-13-02' }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/schedules/closures', { officeId, fromDay: '01/02/2026', toDay: '02/02/2026' }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/schedules/closures', {
        officeId,
        fromDay: day(10),
        toDay: day(10),
        reason: { it: 'x', ar: 'x'.repeat(201) },
      }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/schedules/closures', { officeId: 'nope', fromDay: day(10), toDay: day(10) }),
      404,
      'not_found',
    );
    expectApiError(await admin.request('DELETE', '/api/schedules/closures/nope'), 404, 'not_found');
    expect(await counts()).toEqual(before);
  });

  it('sets, changes and removes the patron day with one audit row each; refuses 31/02 and long names', async () => {
    const before = await counts();
    const r = await admin.request('PUT', '/api/schedules/patron-day', {
      officeId,
      patronDay: { month: 2, day: 31, name: { it: 'X' } },
    });
    expectApiError(r, 422, 'invalid_day');
    expect(r.body.error.details).toEqual([{ path: 'patronDay.day', message: expect.any(String) }]);
    expectApiError(
      await admin.request('PUT', '/api/schedules/patron-day', { officeId, patronDay: { month: 13, day: 1 } }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.request('PUT', '/api/schedules/patron-day', { officeId, patronDay: { month: 4, day: 0 } }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.request('PUT', '/api/schedules/patron-day', {
        officeId,
        patronDay: { month: 4, day: 1, name: { it: 'x'.repeat(101) } },
      }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.request('PUT', '/api/schedules/patron-day', { officeId: 'nope', patronDay: { month: 4, day: 1 } }),
      404,
      'not_found',
    );
    expect(await counts()).toEqual(before);

    await space.db.patronDay.deleteMany({ where: { officeId } });
    const set = await audited(() =>
      admin.request('PUT', '/api/schedules/patron-day', {
        officeId,
        patronDay: { month: 6, day: 24, name: { it: 'San Giovanni', en: 'Saint John' } },
      }),
    );
    expect(set.result.status).toBe(200);
    expect(set.rows).toHaveLength(1);
    expect(set.rows[0]).toMatchObject({
      action: 'create',
      entity: 'patron_day',
      entityId: officeId,
      before: null,
      after: { month: 6, day: 24, name: { it: 'San Giovanni', en: 'Saint John' } },
    });
    const change = await audited(() =>
      admin.request('PUT', '/api/schedules/patron-day', {
        officeId,
        patronDay: { month: 2, day: 29, name: { it: 'San Romano' } },
      }),
    );
    expect(change.result.status).toBe(200);
    expect(change.rows).toHaveLength(1);
    expect(change.rows[0]).toMatchObject({
      action: 'update',
      before: { month: 6, day: 24 },
      after: { month: 2, day: 29, name: { it: 'San Romano' } },
    });
    const remove = await audited(() => admin.request('PUT', '/api/schedules/patron-day', { officeId, patronDay: null }));
    expect(remove.result.status).toBe(200);
    expect(remove.rows).toHaveLength(1);
    expect(remove.rows[0]).toMatchObject({ action: 'delete', entity: 'patron_day', before: { month: 2, day: 29 }, after: null });
    expect(await space.db.patronDay.count({ where: { officeId } })).toBe(0);
  });
});

describe('kiosks', () => {
  it('audits create, update, token rotation and deactivation without the token or its hash', async () => {
    const created = await audited(() =>
      admin.post('/api/kiosks', {
        officeId,
        name: 'Chiosco atrio',
        printMode: 'agent',
        paperWidth: 58,
        locationHint: { it: 'Piano terra' },
      }),
    );
    expect(created.result.status).toBe(201);
    const id = created.result.body.kiosk.id as string;
    const firstToken = created.result.body.token as string;
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({
      action: 'create',
      entity: 'kiosk',
      entityId: id,
      after: { name: 'Chiosco atrio', paperWidth: 58 },
    });

    const updated = await audited(() =>
      admin.request('PATCH', `/api/kiosks/${id}`, { name: 'Chiosco ingresso', paperWidth: 80 }),
    );
    expect(updated.result.status).toBe(200);
    expect(updated.rows).toHaveLength(1);
    expect(updated.rows[0]).toMatchObject({
      action: 'update',
      entity: 'kiosk',
      before: { name: 'Chiosco atrio', paperWidth: 58 },
      after: { name: 'Chiosco ingresso', paperWidth: 80 },
    });

    const rotated = await audited(() => admin.post(`/api/kiosks/${id}/token`));
    expect(rotated.result.status).toBe(200);
    const secondToken = rotated.result.body.token as string;
    expect(secondToken).not.toBe(firstToken);
    expect(rotated.rows).toHaveLength(1);
    expect(rotated.rows[0]).toMatchObject({ action: 'token_rotate', entity: 'kiosk', entityId: id });

    const deactivated = await audited(() => admin.request('DELETE', `/api/kiosks/${id}`));
    expect(deactivated.result.status).toBe(204);
    expect(deactivated.rows).toHaveLength(1);
    expect(deactivated.rows[0]).toMatchObject({
      action: 'update',
      entity: 'kiosk',
      before: { active: true },
      after: { active: false },
    });

    // No secret anywhere in the log.
    const hash = (await space.db.kiosk.findUniqueOrThrow({ where: { id } })).tokenHash;
    const log = JSON.stringify(
      await space.db.auditLog.findMany({ where: { entity: 'kiosk', entityId: id } }),
      (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
    );
    for (const secret of [firstToken, secondToken, hash, 'tokenHash']) expect(log).not.toContain(secret);
    const page = await admin.get(`/api/admin/audit?entity=kiosk&entityId=${id}`);
    expect(page.body.items.map((i: { action: string }) => i.action)).toEqual(['update', 'token_rotate', 'update', 'create']);
  });

  it('refuses bad kiosk input, changing nothing', async () => {
    const k = await admin.post('/api/kiosks', { officeId, name: 'Chiosco errori', printMode: 'none' });
    const id = k.body.kiosk.id as string;
    const before = await counts();
    expectApiError(await admin.post('/api/kiosks', { officeId, name: '' }), 400, 'invalid_input');
    expectApiError(await admin.post('/api/kiosks', { officeId, name: 'x'.repeat(81) }), 400, 'invalid_input');
    expectApiError(await admin.post('/api/kiosks', { officeId, name: 'X', paperWidth: 70 }), 400, 'invalid_input');
    expectApiError(await admin.post('/api/kiosks', { officeId: 'nope', name: 'X' }), 404, 'not_found');
    expectApiError(await admin.request('PATCH', `/api/kiosks/${id}`, { printMode: 'server' }), 422, 'printer_interface_required');
    expectApiError(await admin.request('PATCH', `/api/kiosks/${id}`, { printerType: 'hp' }), 400, 'invalid_input');
    expectApiError(await admin.request('PATCH', `/api/kiosks/${id}`, { tokenHash: 'x' }), 400, 'invalid_input');
    expectApiError(await admin.request('PATCH', '/api/kiosks/nope', { name: 'x' }), 404, 'not_found');
    expectApiError(await admin.post('/api/kiosks/nope/token'), 404, 'not_found');
    expect(await counts()).toEqual(before);
  });
});

describe('offices', () => {
  it('edits names, address and order with one audit row; the public list follows', async () => {
    const list = await admin.get('/api/admin/offices');
    expect(list.status).toBe(200);
    expect(list.body.find((o: { id: string }) => o.id === officeId)).toMatchObject({ timeZone: 'Europe/Rome' });
    const { result, rows } = await audited(() =>
      admin.request('PATCH', `/api/admin/offices/${officeId}`, {
        name: { it: 'Ufficio Anagrafe Centrale', en: 'Central Registry Office', sq: 'Zyra Qendrore e Gjendjes Civile' },
        address: 'Piazza Grande 1',
        sortOrder: 7,
      }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ name: { it: 'Ufficio Anagrafe Centrale' }, address: 'Piazza Grande 1', sortOrder: 7 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'update',
      entity: 'office',
      entityId: officeId,
      after: { name: { it: 'Ufficio Anagrafe Centrale', en: 'Central Registry Office', sq: 'Zyra Qendrore e Gjendjes Civile' } },
    });
    expect((rows[0].before as { name: { it: string } }).name.it).not.toBe('Ufficio Anagrafe Centrale');
    const pub = (await new ApiClient(app.url).get('/api/offices')).body as { id: string; name: object; address: string }[];
    expect(pub.find((o) => o.id === officeId)).toMatchObject({
      name: { it: 'Ufficio Anagrafe Centrale', sq: 'Zyra Qendrore e Gjendjes Civile' },
      address: 'Piazza Grande 1',
    });
  });

  it('creates an office with a unique slug and a valid time zone, audited', async () => {
    const { result, rows } = await audited(() =>
      admin.post('/api/admin/offices', {
        slug: 'ufficio-tributi-nord',
        name: { it: 'Tributi Nord', en: 'Taxes North' },
        timeZone: 'Europe/Rome',
      }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body).toMatchObject({ slug: 'ufficio-tributi-nord', isOneStop: false, address: '' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', entity: 'office', entityId: result.body.id, before: null });
  });

  it('refuses bad office input (too long, empty, unknown zone, taken slug, time zone change), changing nothing', async () => {
    const before = await counts();
    const existing = await space.db.office.findFirstOrThrow();
    expectApiError(
      await admin.request('PATCH', `/api/admin/offices/${officeId}`, { name: { it: 'x'.repeat(121) } }),
      400,
      'invalid_input',
    );
    expectApiError(await admin.request('PATCH', `/api/admin/offices/${officeId}`, { name: { it: '   ' } }), 400, 'invalid_input');
    expectApiError(await admin.request('PATCH', `/api/admin/offices/${officeId}`, { name: 'Solo testo' }), 400, 'invalid_input');
    expectApiError(
      await admin.request('PATCH', `/api/admin/offices/${officeId}`, { address: 'x'.repeat(201) }),
      400,
      'invalid_input',
    );
    expectApiError(await admin.request('PATCH', `/api/admin/offices/${officeId}`, { sortOrder: -1 }), 400, 'invalid_input');
    expectApiError(await admin.request('PATCH', `/api/admin/offices/${officeId}`, {}), 400, 'invalid_input');
    // The time zone is read-only after creation.
    expectApiError(
      await admin.request('PATCH', `/api/admin/offices/${officeId}`, { timeZone: 'Europe/London' }),
      400,
      'invalid_input',
    );
    expectApiError(await admin.request('PATCH', '/api/admin/offices/nope', { name: { it: 'X' } }), 404, 'not_found');
    expectApiError(
      await admin.post('/api/admin/offices', { slug: 'ufficio-x', name: { it: 'X' }, timeZone: 'Europe/Atlantis' }),
      400,
      'invalid_input',
    );
    expectApiError(await admin.post('/api/admin/offices', { slug: 'Ufficio X', name: { it: 'X' } }), 400, 'invalid_input');
    expectApiError(await admin.post('/api/admin/offices', { slug: existing.slug, name: { it: 'X' } }), 409, 'slug_taken');
    expectApiError(
      await admin.post('/api/admin/offices', { slug: 'ufficio-y', name: { it: 'X' }, isOneStop: true }),
      400,
      'invalid_input',
    );
    expect(await counts()).toEqual(before);
  });
});
