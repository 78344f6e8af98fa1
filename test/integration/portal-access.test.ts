/**
 * Who may call what, over every endpoint of the portal: each one is called by nobody, by another
 * citizen, by a clerk of another office (and, where it is staff's, by the owner citizen), and must
 * refuse them without changing anything. The list is checked against the OpenAPI document, so a
 * new portal endpoint cannot be added without being listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../helpers/portal';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { clerk } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

/** Who calls: nobody, the owner citizen, another citizen, a clerk who may work it, a clerk of another office. */
type Caller = 'anonymous' | 'owner' | 'otherCitizen' | 'clerk' | 'otherOffice';
type Rule = Partial<Record<Caller, number>>;
interface Entry {
  method: 'GET' | 'POST' | 'PATCH';
  /** As in the OpenAPI document. */
  route: string;
  /** The status each caller must get (callers left out are not tried: a public endpoint, or one tested elsewhere). */
  expect: Rule;
  body?: unknown;
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function uploadAs(cookie: string | undefined): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'x.pdf');
  const res = await fetch(`${app.url}/api/procedures/attachments`, {
    method: 'POST',
    body: form,
    headers: cookie ? { cookie } : {},
  });
  return res.status;
}

describe('every portal endpoint refuses who may not call it, and changes nothing', () => {
  it('answers 401/404 to the wrong callers over the whole portal API', async () => {
    const owner = await signedInCitizen(app, 'access-owner@example.org');
    const otherCitizen = await signedInCitizen(app, 'access-other@example.org');
    const op1 = await clerk(app.url, 'operatore1');
    const otherOffice = await clerk(app.url, 'tributi1');
    const anonymous = new ApiClient(app.url);
    const clients: Record<Caller, ApiClient> = { anonymous, owner, otherCitizen, clerk: op1, otherOffice };

    const family = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } })).id;
    // The owner's procedure, completed with a certificate (a document), and one still open with a file.
    const done = await owner.post('/api/procedures', { serviceId: family, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    await op1.post(`/api/procedures/${done.body.id}/take`, {});
    const completed = await op1.post(`/api/procedures/${done.body.id}/complete`, {});
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const documentId = completed.body.documents[0].id as string;
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'mine.pdf');
    const uploaded = await fetch(`${app.url}/api/procedures/attachments`, {
      method: 'POST',
      body: form,
      headers: { cookie: owner.cookieHeader },
    });
    const attachmentId = ((await uploaded.json()) as { attachmentId: string }).attachmentId;
    const open = await owner.post('/api/procedures', {
      serviceId: family,
      data: CERT_DATA,
      stampDuty: CERT_STAMP,
      attachmentIds: [attachmentId],
    });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    const id = open.body.id as string;

    const staffOnly: Rule = { anonymous: 401, owner: 401, otherCitizen: 401, otherOffice: 404 };
    const ownersOnly: Rule = { anonymous: 401, otherCitizen: 404, otherOffice: 404, clerk: 200 };
    const citizensOnly: Rule = { anonymous: 401, otherCitizen: 404, clerk: 401, otherOffice: 401 };
    const entries: Entry[] = [
      { method: 'GET', route: '/api/procedures/{id}', expect: { ...ownersOnly, owner: 200 } },
      { method: 'GET', route: '/api/procedures/{id}/attachments/{attachmentId}', expect: { ...ownersOnly, owner: 200 } },
      { method: 'GET', route: '/api/procedures/{id}/documents/{documentId}', expect: { ...ownersOnly, owner: 200 } },
      { method: 'POST', route: '/api/procedures/{id}/take', expect: staffOnly, body: {} },
      { method: 'POST', route: '/api/procedures/{id}/request-info', expect: staffOnly, body: { citizenNote: 'x' } },
      { method: 'POST', route: '/api/procedures/{id}/complete', expect: staffOnly, body: {} },
      { method: 'POST', route: '/api/procedures/{id}/reject', expect: staffOnly, body: { citizenNote: 'x' } },
      { method: 'POST', route: '/api/procedures/{id}/reply', expect: citizensOnly, body: { citizenNote: 'x' } },
      { method: 'POST', route: '/api/procedures/{id}/withdraw', expect: citizensOnly, body: {} },
      // Lists: each caller gets their own (checked below); nobody gets nothing.
      { method: 'GET', route: '/api/procedures', expect: { anonymous: 401 } },
      {
        method: 'POST',
        route: '/api/procedures',
        expect: { anonymous: 401, clerk: 401 },
        body: { serviceId: family, data: CERT_DATA },
      },
      {
        method: 'POST',
        route: '/api/procedures/desk',
        expect: { anonymous: 401, owner: 401, otherOffice: 404 },
        body: { serviceId: family, citizen: { email: 'x@example.org' }, data: CERT_DATA },
      },
      { method: 'POST', route: '/api/procedures/attachments', expect: { anonymous: 401 } },
      { method: 'GET', route: '/api/portal/appointments', expect: { anonymous: 401, clerk: 401 } },
      { method: 'GET', route: '/api/citizen/me', expect: { anonymous: 401, clerk: 401, owner: 200 } },
      { method: 'PATCH', route: '/api/citizen/me', expect: { anonymous: 401, clerk: 401 }, body: { lang: 'en' } },
      // Public: no personal data (checked below), nothing to refuse.
      { method: 'GET', route: '/api/procedures/track/{trackingCode}', expect: { anonymous: 200 } },
      { method: 'GET', route: '/api/procedures/track/{trackingCode}/qr.svg', expect: { anonymous: 200 } },
      { method: 'GET', route: '/api/verify/{code}', expect: { anonymous: 200 } },
      { method: 'GET', route: '/api/portal/services', expect: { anonymous: 200 } },
      { method: 'GET', route: '/api/portal/services/{id}/qr.svg', expect: { anonymous: 200 } },
      // Sign-in: for anyone by design (rate-limited, tested in portal.test.ts and citizen-oidc.test.ts).
      { method: 'POST', route: '/api/citizen/login', expect: {} },
      { method: 'POST', route: '/api/citizen/login/verify', expect: {} },
      { method: 'POST', route: '/api/citizen/logout', expect: {} },
      { method: 'GET', route: '/api/citizen/oidc/start', expect: { anonymous: 404 } }, // no provider configured here
      { method: 'GET', route: '/api/citizen/oidc/callback', expect: {} },
    ];

    // Every portal path of the OpenAPI document is listed above.
    const doc = (await anonymous.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([p]) => /^\/api\/(procedures|portal|citizen|verify)\b/.test(p))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(entries.map((e) => `${e.method} ${e.route}`).sort()).toEqual(documented);

    const verification = (await space.db.document.findUniqueOrThrow({ where: { id: documentId } })).verificationCode;
    const fill = (route: string, forId = route.includes('documents') ? done.body.id : id) =>
      route
        .replace('{id}', route.startsWith('/api/portal/services') ? family : forId)
        .replace('{attachmentId}', attachmentId)
        .replace('{documentId}', documentId)
        .replace('{trackingCode}', open.body.trackingCode)
        .replace('{code}', verification);

    const before = {
      procedures: await space.db.procedure.count(),
      events: await space.db.procedureEvent.count(),
      status: (await space.db.procedure.findUniqueOrThrow({ where: { id } })).status,
    };
    for (const e of entries)
      for (const [caller, status] of Object.entries(e.expect) as [Caller, number][]) {
        // A successful call that changes things would spoil the "nothing changed" check.
        if (status < 300 && e.method !== 'GET') continue;
        const r =
          e.route === '/api/procedures/attachments'
            ? { status: await uploadAs(undefined) }
            : await clients[caller].request(e.method, fill(e.route), e.body);
        expect(r.status, `${caller} ${e.method} ${e.route}`).toBe(status);
      }
    expect(await space.db.procedure.count()).toBe(before.procedures);
    expect(await space.db.procedureEvent.count()).toBe(before.events);
    expect((await space.db.procedure.findUniqueOrThrow({ where: { id } })).status).toBe(before.status);

    // The lists: the owner's procedures to the owner and to the clerk who may work them, to nobody else.
    const idsOf = async (c: ApiClient) => ((await c.get('/api/procedures')).body as { id: string }[]).map((p) => p.id);
    expect(await idsOf(owner)).toEqual(expect.arrayContaining([id, done.body.id]));
    expect(await idsOf(op1)).toContain(id);
    expect(await idsOf(otherCitizen)).not.toContain(id);
    expect(await idsOf(otherOffice)).not.toContain(id);

    // The public answers say nothing about who the citizen is.
    for (const route of ['/api/procedures/track/{trackingCode}', '/api/verify/{code}']) {
      const text = JSON.stringify((await anonymous.get(fill(route))).body);
      for (const personal of ['access-owner@example.org', CERT_DATA.intestatario, id, attachmentId])
        expect(text, route).not.toContain(personal);
    }
  });
});
