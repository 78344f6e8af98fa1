/**
 * Administration API (/api/admin/…) on a real app process: roles (operator and supervisor 403),
 * every change writes exactly one AuditLog row with before/after in the same transaction, bad
 * input changes nothing (rows counted, audit rows included), counters in use cannot be deleted,
 * an inactive service leaves the public list, password reset, the audit log endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../i18n/messages';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk, countersByNumber, expectApiError, issue, oneStop, openCounter, type OneStop } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let os: OneStop;
let admin: ApiClient;
let sup: ApiClient;
let op: ApiClient;
let categoryId: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  os = await oneStop(app.url);
  admin = await clerk(app.url, 'admin');
  sup = await clerk(app.url, 'supervisore');
  op = await clerk(app.url, 'operatore1');
  categoryId = (await space.db.category.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } })).id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

async function counts() {
  const db = space.db;
  return {
    services: await db.service.count(),
    categories: await db.category.count(),
    counters: await db.counter.count(),
    staff: await db.staff.count(),
    skills: await db.skill.count(),
    audit: await db.auditLog.count(),
  };
}

/** Runs a change and returns the audit rows it wrote. */
async function audited<T>(fn: () => Promise<T>) {
  const last = (await space.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
  const result = await fn();
  const rows = await space.db.auditLog.findMany({ where: { id: { gt: last } } });
  return { result, rows };
}

const newService = (over: Record<string, unknown> = {}) => ({
  code: 'test-permesso-ztl',
  name: { it: 'Permesso ZTL di prova', en: 'Test ZTL permit' },
  prefix: 'Z',
  categoryId,
  officeId: os.officeId,
  mode: 'desk',
  expectedMinutes: 7,
  targetWaitMinutes: 15,
  keywords: 'ztl auto',
  ...over,
});

describe('roles', () => {
  it('refuses operators and supervisors (403) and anonymous callers (401) on every admin endpoint', async () => {
    const c = (await countersByNumber(space, os.officeId)).get(1)!.id;
    const staffId = (await space.db.staff.findFirstOrThrow()).id;
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/audit'],
      ['GET', '/api/admin/services'],
      ['POST', '/api/admin/services', newService()],
      ['PATCH', `/api/admin/services/${os.desk[0].id}`, { active: false }],
      ['GET', '/api/admin/categories'],
      ['POST', '/api/admin/categories', { slug: 'x-y', name: { it: 'X' } }],
      ['PATCH', `/api/admin/categories/${categoryId}`, { name: { it: 'X' } }],
      ['PUT', '/api/admin/categories/order', { ids: [categoryId] }],
      ['GET', '/api/admin/counters'],
      ['POST', '/api/admin/counters', { officeId: os.officeId, number: 99, name: 'X' }],
      ['PATCH', `/api/admin/counters/${c}`, { name: 'X' }],
      ['DELETE', `/api/admin/counters/${c}`],
      ['GET', '/api/admin/staff'],
      ['POST', '/api/admin/staff', { username: 'nuovo', displayName: 'N', password: 'password1' }],
      ['PATCH', `/api/admin/staff/${staffId}`, { displayName: 'X' }],
      ['POST', `/api/admin/staff/${staffId}/password`, { password: 'password1' }],
    ];
    const before = await counts();
    const anon = new ApiClient(app.url);
    for (const [method, path, body] of calls) {
      expectApiError(await op.request(method, path, body), 403, 'forbidden');
      expectApiError(await sup.request(method, path, body), 403, 'forbidden');
      expectApiError(await anon.request(method, path, body), 401, 'unauthorized');
    }
    expect(await counts()).toEqual(before);
  });
});

describe('services', () => {
  let serviceId: string;

  it('creates a service with one audit row', async () => {
    const { result, rows } = await audited(() => admin.post('/api/admin/services', newService()));
    expect(result.status).toBe(201);
    serviceId = result.body.id;
    expect(result.body).toMatchObject({ code: 'test-permesso-ztl', prefix: 'Z', active: true, expectedMinutes: 7 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', entity: 'service', entityId: serviceId, before: null });
    expect(rows[0].after).toMatchObject({ name: { it: 'Permesso ZTL di prova', en: 'Test ZTL permit' }, prefix: 'Z' });
    const adminStaff = await space.db.staff.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(rows[0].staffId).toBe(adminStaff.id);
    // Live: the public list has it at once, a ticket can be taken.
    const pub = (await new ApiClient(app.url).get('/api/services?lang=en')).body as { id: string; name: string }[];
    expect(pub.find((s) => s.id === serviceId)?.name).toBe('Test ZTL permit');
    const t = await issue(new ApiClient(app.url), serviceId);
    expect(t.number).toMatch(/^Z\d+/);
    expect((await new ApiClient(app.url).post(`/api/tickets/${t.code}/cancel`)).status).toBe(200);
  });

  it('updates a service with before and after', async () => {
    const { result, rows } = await audited(() =>
      admin.request('PATCH', `/api/admin/services/${serviceId}`, {
        name: { it: 'Permesso ZTL', en: 'ZTL permit', ro: 'Permis ZTL', uk: ' ' },
        targetWaitMinutes: 30,
      }),
    );
    expect(result.status).toBe(200);
    // The name is replaced whole; a blank translation is not stored (it falls back).
    expect(result.body).toMatchObject({
      name: { it: 'Permesso ZTL', en: 'ZTL permit', ro: 'Permis ZTL' },
      targetWaitMinutes: 30,
    });
    expect(result.body.name).not.toHaveProperty('uk');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', entity: 'service', entityId: serviceId });
    expect(rows[0].before).toMatchObject({ name: { it: 'Permesso ZTL di prova' }, targetWaitMinutes: 15 });
    expect(rows[0].after).toMatchObject({ name: { it: 'Permesso ZTL', ro: 'Permis ZTL' }, targetWaitMinutes: 30 });
  });

  it('rejects invalid input and changes nothing', async () => {
    const before = await counts();
    const existing = await space.db.service.findFirstOrThrow({ where: { id: { not: serviceId } } });
    expectApiError(await admin.post('/api/admin/services', newService({ code: existing.code })), 409, 'code_taken');
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', prefix: 'z' })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', prefix: 'ABC' })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', prefix: '1' })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', categoryId: 'nope' })),
      422,
      'unknown_category',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', officeId: 'nope' })),
      422,
      'unknown_office',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', mode: 'phone' })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', expectedMinutes: 0 })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', name: { it: '  ', en: 'English only' } })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', name: { it: 'Nome', fr: 'Nom' } })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', name: 'Nome' })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.post('/api/admin/services', newService({ code: 'other-code', unknownField: 1 })),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.request('PATCH', `/api/admin/services/${serviceId}`, { categoryId: 'nope' }),
      422,
      'unknown_category',
    );
    expectApiError(await admin.request('PATCH', `/api/admin/services/${serviceId}`, { prefix: 'zz' }), 400, 'invalid_input');
    expectApiError(await admin.request('PATCH', '/api/admin/services/nope', { name: { it: 'X' } }), 404, 'not_found');
    expectApiError(await admin.request('PATCH', `/api/admin/services/${serviceId}`, '{bad json'), 400, 'invalid_json');
    expect(await counts()).toEqual(before);
    expect((await space.db.service.findUniqueOrThrow({ where: { id: serviceId } })).name).toMatchObject({ it: 'Permesso ZTL' });
  });

  it('refuses to deactivate a service with open tickets, then an inactive service leaves GET /api/services', async () => {
    const t = await issue(new ApiClient(app.url), serviceId);
    const before = await counts();
    expectApiError(await admin.request('PATCH', `/api/admin/services/${serviceId}`, { active: false }), 409, 'service_in_use');
    expect(await counts()).toEqual(before);
    expect((await new ApiClient(app.url).post(`/api/tickets/${t.code}/cancel`)).status).toBe(200);

    const { result, rows } = await audited(() => admin.request('PATCH', `/api/admin/services/${serviceId}`, { active: false }));
    expect(result.status).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0].before).toMatchObject({ active: true });
    expect(rows[0].after).toMatchObject({ active: false });
    const pub = (await new ApiClient(app.url).get('/api/services')).body as { id: string }[];
    expect(pub.some((s) => s.id === serviceId)).toBe(false);
    // Still listed for the admin, and filterable.
    const all = (await admin.get('/api/admin/services?active=false&q=ztl')).body as { id: string }[];
    expect(all.map((s) => s.id)).toEqual([serviceId]);
  });
});

describe('languages of a service', () => {
  it('shows a service named only in Italian in Italian to an Arabic ticket holder, in Romanian once translated', async () => {
    const created = await admin.post(
      '/api/admin/services',
      newService({ code: 'solo-italiano', prefix: 'Y', name: { it: 'Certificato solo italiano' } }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const citizen = new ApiClient(app.url);
    const listed = (await citizen.get('/api/services?lang=ar')).body as { id: string; name: string; names: object }[];
    expect(listed.find((s) => s.id === id)).toMatchObject({
      name: 'Certificato solo italiano',
      names: { it: 'Certificato solo italiano' },
    });
    const take = async (lang: string) => {
      const r = await citizen.post('/api/tickets', { serviceId: id, lang });
      expect(r.status).toBe(201);
      return r.body as { code: string; service: { name: object } };
    };
    // The ticket's paper (the same layout the printer gets), in the holder's language.
    const paper = async (code: string) => (await citizen.get(`/api/tickets/${code}/print-preview`)).body as string;

    const arabic = await take('ar');
    expect(arabic.service.name).toEqual({ it: 'Certificato solo italiano' });
    const arabicPaper = await paper(arabic.code);
    expect(arabicPaper).toContain('Certificato solo italiano');
    expect(arabicPaper).toContain(messages.ar.print.yourNumber);

    const name = { it: 'Certificato solo italiano', ro: 'Certificat doar în italiană' };
    expect((await admin.request('PATCH', `/api/admin/services/${id}`, { name })).status).toBe(200);
    const romanian = await take('ro');
    expect(await paper(romanian.code)).toContain('Certificat doar în italiană');
    expect(await paper(arabic.code)).toContain('Certificato solo italiano');

    // With an English name the Arabic holder reads English: the language asked, else English, else Italian.
    const withEnglish = { ...name, en: 'Italian-only certificate' };
    expect((await admin.request('PATCH', `/api/admin/services/${id}`, { name: withEnglish })).status).toBe(200);
    expect(await paper(arabic.code)).toContain('Italian-only certificate');
    expect(await paper(romanian.code)).toContain('Certificat doar în italiană');
    for (const t of [arabic, romanian]) expect((await citizen.post(`/api/tickets/${t.code}/cancel`)).status).toBe(200);
  });
});

describe('categories', () => {
  it('creates, renames and reorders with one audit row each', async () => {
    const created = await audited(() =>
      admin.post('/api/admin/categories', { slug: 'prova', name: { it: 'Prova', en: 'Test' }, icon: '🧪' }),
    );
    expect(created.result.status).toBe(201);
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({ action: 'create', entity: 'category', entityId: created.result.body.id });
    const id = created.result.body.id as string;

    const renamed = await audited(() =>
      admin.request('PATCH', `/api/admin/categories/${id}`, { name: { it: 'Prova', en: 'Trial', zh: '试验' } }),
    );
    expect(renamed.result.status).toBe(200);
    expect(renamed.rows).toHaveLength(1);
    expect(renamed.rows[0].before).toMatchObject({ name: { it: 'Prova', en: 'Test' } });
    expect(renamed.rows[0].after).toMatchObject({ name: { it: 'Prova', en: 'Trial', zh: '试验' } });

    const list = (await admin.get('/api/admin/categories')).body as { id: string }[];
    expect(list.at(-1)!.id).toBe(id);
    const order = [id, ...list.filter((c) => c.id !== id).map((c) => c.id)];
    const reordered = await audited(() => admin.request('PUT', '/api/admin/categories/order', { ids: order }));
    expect(reordered.result.status).toBe(200);
    expect((reordered.result.body as { id: string }[]).map((c) => c.id)).toEqual(order);
    expect(reordered.rows).toHaveLength(1);
    expect(reordered.rows[0]).toMatchObject({
      action: 'reorder',
      entity: 'category',
      before: list.map((c) => c.id),
      after: order,
    });

    // The kiosk shows categories with active services in the new order.
    const moved = list[3].id;
    const order2 = [moved, ...order.filter((c) => c !== moved)];
    expect((await admin.request('PUT', '/api/admin/categories/order', { ids: order2 })).status).toBe(200);
    const kiosk = (await new ApiClient(app.url).get('/api/categories')).body as { id: string }[];
    expect(kiosk[0].id).toBe(moved);
  });

  it('rejects an incomplete order, a duplicate slug and bad fields, and changes nothing', async () => {
    const before = await counts();
    const sortBefore = await space.db.category.findMany({ orderBy: { id: 'asc' }, select: { id: true, sortOrder: true } });
    const ids = sortBefore.map((c) => c.id);
    expectApiError(await admin.request('PUT', '/api/admin/categories/order', { ids: ids.slice(1) }), 422, 'order_incomplete');
    expectApiError(
      await admin.request('PUT', '/api/admin/categories/order', { ids: [...ids.slice(1), ids[1]] }),
      422,
      'order_incomplete',
    );
    expectApiError(
      await admin.request('PUT', '/api/admin/categories/order', { ids: [...ids.slice(1), 'nope'] }),
      422,
      'order_incomplete',
    );
    expectApiError(await admin.post('/api/admin/categories', { slug: 'prova', name: { it: 'A', en: 'B' } }), 409, 'slug_taken');
    expectApiError(
      await admin.post('/api/admin/categories', { slug: 'Bad Slug', name: { it: 'A', en: 'B' } }),
      400,
      'invalid_input',
    );
    expect(await counts()).toEqual(before);
    expect(await space.db.category.findMany({ orderBy: { id: 'asc' }, select: { id: true, sortOrder: true } })).toEqual(
      sortBefore,
    );
  });
});

describe('counters', () => {
  it('creates, renames and deletes a counter with one audit row each', async () => {
    const created = await audited(() =>
      admin.post('/api/admin/counters', { officeId: os.officeId, number: 42, name: 'Sportello 42' }),
    );
    expect(created.result.status).toBe(201);
    expect(created.rows).toHaveLength(1);
    const id = created.result.body.id as string;
    const renamed = await audited(() => admin.request('PATCH', `/api/admin/counters/${id}`, { name: 'Sportello quarantadue' }));
    expect(renamed.result.status).toBe(200);
    expect(renamed.rows[0].before).toMatchObject({ name: 'Sportello 42' });
    expect(renamed.rows[0].after).toMatchObject({ name: 'Sportello quarantadue' });
    const deleted = await audited(() => admin.request('DELETE', `/api/admin/counters/${id}`));
    expect(deleted.result.status).toBe(204);
    expect(deleted.rows).toHaveLength(1);
    expect(deleted.rows[0]).toMatchObject({ action: 'delete', entity: 'counter', entityId: id, after: null });
    expect(deleted.rows[0].before).toMatchObject({ number: 42 });
    expect(await space.db.counter.findUnique({ where: { id } })).toBeNull();
  });

  it('refuses to delete a counter with a current ticket (409) or open, and duplicate numbers', async () => {
    const counters = await countersByNumber(space, os.officeId);
    const c2 = counters.get(2)!.id;
    const svc = os.desk[0].id;
    await openCounter(op, c2, [svc]);
    const t = await issue(new ApiClient(app.url), svc);
    expect((await op.post(`/api/counters/${c2}/call-next`)).status).toBe(200);
    const before = await counts();
    expectApiError(await admin.request('DELETE', `/api/admin/counters/${c2}`), 409, 'counter_busy');
    expectApiError(
      await admin.post('/api/admin/counters', { officeId: os.officeId, number: 2, name: 'Doppio' }),
      409,
      'number_taken',
    );
    expectApiError(await admin.request('PATCH', `/api/admin/counters/${c2}`, { number: 1 }), 409, 'number_taken');
    expectApiError(await admin.post('/api/admin/counters', { officeId: 'nope', number: 77, name: 'X' }), 422, 'unknown_office');
    expectApiError(
      await admin.post('/api/admin/counters', { officeId: os.officeId, number: 0, name: 'X' }),
      400,
      'invalid_input',
    );
    expect(await counts()).toEqual(before);
    expect(t.number).toBeTruthy();
    // Served and closed: its history is kept, so it still cannot be deleted.
    const cur = await space.db.ticket.findFirstOrThrow({ where: { counterId: c2, status: 'called' } });
    expect((await op.post(`/api/tickets/${cur.id}/complete`, {})).status).toBe(200);
    expect((await op.post(`/api/counters/${c2}/close`)).status).toBe(200);
    expectApiError(await admin.request('DELETE', `/api/admin/counters/${c2}`), 409, 'counter_has_history');
    expect(await counts()).toEqual(before);
  });
});

describe('staff', () => {
  let staffId: string;
  const [s1, s2] = [0, 1];

  it('creates a clerk with skills, changes skills and resets the password, one audit row each', async () => {
    const created = await audited(() =>
      admin.post('/api/admin/staff', {
        username: 'nuovo.operatore',
        displayName: 'Nuovo Operatore',
        role: 'operator',
        password: 'primapassword',
        skills: [{ serviceId: os.desk[s1].id, weight: 3 }],
      }),
    );
    expect(created.result.status).toBe(201);
    expect(created.result.body).not.toHaveProperty('passwordHash');
    staffId = created.result.body.id;
    expect(created.rows).toHaveLength(1);
    expect(JSON.stringify(created.rows[0].after)).not.toContain('$2');
    await new ApiClient(app.url).login('nuovo.operatore', 'primapassword');

    const updated = await audited(() =>
      admin.request('PATCH', `/api/admin/staff/${staffId}`, {
        skills: [
          { serviceId: os.desk[s1].id, weight: 5 },
          { serviceId: os.desk[s2].id, weight: 1 },
        ],
      }),
    );
    expect(updated.result.status).toBe(200);
    expect(updated.rows).toHaveLength(1);
    expect(updated.rows[0].before).toMatchObject({ skills: [{ serviceId: os.desk[s1].id, weight: 3 }] });
    expect((updated.rows[0].after as { skills: unknown[] }).skills).toHaveLength(2);
    expect(
      await space.db.skill.findUnique({ where: { staffId_serviceId: { staffId, serviceId: os.desk[s1].id } } }),
    ).toMatchObject({ weight: 5 });

    const reset = await audited(() => admin.post(`/api/admin/staff/${staffId}/password`, { password: 'secondapassword' }));
    expect(reset.result.status).toBe(204);
    expect(reset.result.body).toBeNull();
    expect(reset.rows).toHaveLength(1);
    expect(reset.rows[0]).toMatchObject({ action: 'password_reset', entity: 'staff', entityId: staffId });
    expect(JSON.stringify([reset.rows[0].before, reset.rows[0].after])).not.toContain('secondapassword');
    expect(
      (await new ApiClient(app.url).post('/api/auth/login', { username: 'nuovo.operatore', password: 'primapassword' })).status,
    ).toBe(401);
    await new ApiClient(app.url).login('nuovo.operatore', 'secondapassword');
  });

  it('rejects bad weights, unknown services, short passwords, duplicates and self-lockout, changing nothing', async () => {
    const before = await counts();
    const hash = (await space.db.staff.findUniqueOrThrow({ where: { id: staffId } })).passwordHash;
    const skill = (w: unknown) => ({ skills: [{ serviceId: os.desk[s1].id, weight: w }] });
    expectApiError(await admin.request('PATCH', `/api/admin/staff/${staffId}`, skill(0)), 400, 'invalid_input');
    expectApiError(await admin.request('PATCH', `/api/admin/staff/${staffId}`, skill(6)), 400, 'invalid_input');
    expectApiError(await admin.request('PATCH', `/api/admin/staff/${staffId}`, skill(2.5)), 400, 'invalid_input');
    expectApiError(
      await admin.request('PATCH', `/api/admin/staff/${staffId}`, {
        skills: [
          { serviceId: os.desk[s1].id, weight: 2 },
          { serviceId: os.desk[s1].id, weight: 3 },
        ],
      }),
      400,
      'invalid_input',
    );
    expectApiError(
      await admin.request('PATCH', `/api/admin/staff/${staffId}`, { skills: [{ serviceId: 'nope', weight: 2 }] }),
      422,
      'unknown_service',
    );
    expectApiError(await admin.request('PATCH', `/api/admin/staff/${staffId}`, { role: 'boss' }), 400, 'invalid_input');
    expectApiError(await admin.post(`/api/admin/staff/${staffId}/password`, { password: 'corta' }), 400, 'invalid_input');
    expectApiError(
      await admin.post('/api/admin/staff', { username: 'nuovo.operatore', displayName: 'X', password: 'password123' }),
      409,
      'username_taken',
    );
    expectApiError(
      await admin.post('/api/admin/staff', { username: 'Bad Name', displayName: 'X', password: 'password123' }),
      400,
      'invalid_input',
    );
    const me = await space.db.staff.findUniqueOrThrow({ where: { username: 'admin' } });
    expectApiError(await admin.request('PATCH', `/api/admin/staff/${me.id}`, { active: false }), 409, 'self_lockout');
    expectApiError(await admin.request('PATCH', `/api/admin/staff/${me.id}`, { role: 'operator' }), 409, 'self_lockout');
    expect(await counts()).toEqual(before);
    expect((await space.db.staff.findUniqueOrThrow({ where: { id: staffId } })).passwordHash).toBe(hash);
  });

  it('deactivating a clerk ends their session', async () => {
    const c = new ApiClient(app.url);
    await c.login('nuovo.operatore', 'secondapassword');
    expect((await c.get('/api/auth/me')).body.staff).toBeTruthy();
    expect((await admin.request('PATCH', `/api/admin/staff/${staffId}`, { active: false })).status).toBe(200);
    const me = await c.get('/api/auth/me');
    expect(me.status === 401 || me.body?.staff == null).toBe(true);
  });
});

describe('audit log endpoint', () => {
  it('lists the changes newest first, filtered and paged, with who made them', async () => {
    const all = await admin.get('/api/admin/audit?limit=200');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(await space.db.auditLog.count());
    const ids = all.body.items.map((i: { id: string }) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.body.items[0].staff).toMatchObject({ username: 'admin' });

    const counters = await admin.get('/api/admin/audit?entity=counter');
    expect(counters.body.items.map((i: { action: string }) => i.action)).toEqual(['delete', 'update', 'create']);

    const page1 = await admin.get('/api/admin/audit?limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await admin.get(`/api/admin/audit?limit=2&before=${page1.body.nextBefore}`);
    expect(page2.body.items[0].id).toBe(all.body.items[2].id);
    expectApiError(await admin.get('/api/admin/audit?entity=nope'), 400, 'invalid_input');
    expectApiError(await admin.get('/api/admin/audit?limit=0'), 400, 'invalid_input');
  });
});
