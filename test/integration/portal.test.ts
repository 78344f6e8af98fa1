/**
 * The citizen portal over HTTP on a real app process: sign-in by e-mailed code, online services,
 * procedures numbered under concurrency, the status rules and who may see and move what.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { waitForMail } from '../helpers/outbox';
import { pdfQrCode, pdfText } from '../helpers/pdf';
import { formatVerificationCode } from '../../contract/certificates';
import { CERT_DATA, CERT_STAMP, loginCodeFor, signedInCitizen } from '../helpers/portal';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { useInProcessRuntime } from '../helpers/runtime';
import { clerk, collect, connectSocket, cookieOf, subscribe } from '../helpers/sportello';
import { verifyLoginCode } from '../../server/citizens/login-code';
import { purgeExpiredCitizenSessions } from '../../server/citizens/session';

let space: TestSpace;
let app: TestApp;
let certificate: string;
let strongService: string;

beforeAll(async () => {
  space = await createTestSpace();
  // The 50 parallel submissions come from one address: a limit above them.
  app = await startApp(space, { RATE_LIMIT_PER_MINUTE: '500' });
  certificate = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } })).id;
  strongService = (await space.db.service.findUniqueOrThrow({ where: { code: 'cambio-residenza' } })).id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

const codeFor = (email: string) => loginCodeFor(app, email);
const citizen = (email: string) => signedInCitizen(app, email);

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('sign-in by e-mailed code', () => {
  it('signs in with the code, not with a wrong one; the session is the citizen’s own and ends at logout', async () => {
    const c = new ApiClient(app.url);
    expect((await c.get('/api/citizen/me')).status).toBe(401);
    const sent = await c.post('/api/citizen/login', { email: 'Anna.Verdi@Example.org', lang: 'en' });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ sent: true, expiresInMinutes: 10 });
    const code = await codeFor('anna.verdi@example.org');

    const wrong = await c.post('/api/citizen/login/verify', { email: 'anna.verdi@example.org', code: wrongCode(code) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'code_invalid', details: { attemptsLeft: 4 } });
    expect((await c.get('/api/citizen/me')).status).toBe(401);

    const ok = await c.post('/api/citizen/login/verify', { email: 'anna.verdi@example.org', code, lang: 'en' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: 'anna.verdi@example.org', identity: 'email', lang: 'en' });
    expect((await c.get('/api/citizen/me')).body.email).toBe('anna.verdi@example.org');
    // A citizen session opens no staff door.
    expect((await c.get('/api/auth/me')).status).toBe(401);
    // Used once.
    expect(
      (await new ApiClient(app.url).post('/api/citizen/login/verify', { email: 'anna.verdi@example.org', code })).status,
    ).toBe(400);

    expect((await c.post('/api/citizen/logout')).status).toBe(204);
    expect((await c.get('/api/citizen/me')).status).toBe(401);
  });

  it('stops after five wrong codes, even when the sixth is right', async () => {
    const email = 'guess@example.org';
    const c = new ApiClient(app.url);
    await c.post('/api/citizen/login', { email });
    const code = await codeFor(email);
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/citizen/login/verify', { email, code: wrongCode(code) })).status).toBe(400);
    const sixth = await c.post('/api/citizen/login/verify', { email, code });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_attempts');
  });

  it('sends at most five codes an hour to one address', async () => {
    const c = new ApiClient(app.url);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await c.post('/api/citizen/login', { email: 'many@example.org' })).status);
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('refuses bad input with 400', async () => {
    const c = new ApiClient(app.url);
    expect((await c.post('/api/citizen/login', { email: 'not-an-address' })).status).toBe(400);
    expect((await c.post('/api/citizen/login', { email: 'a@example.org', extra: 1 })).status).toBe(400);
    expect((await c.post('/api/citizen/login/verify', { email: 'a@example.org', code: '12a456' })).status).toBe(400);
    expect((await c.post('/api/citizen/login', { email: 'a\u0000@example.org' })).status).toBe(400);
  });
});

describe('online services', () => {
  it('lists the demo’s online services; those needing a digital identity are not available without a provider', async () => {
    const list = (await new ApiClient(app.url).get('/api/portal/services')).body as {
      id: string;
      identity: string;
      available: boolean;
    }[];
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(list.find((s) => s.id === certificate)).toMatchObject({ identity: 'email', available: true });
    expect(list.find((s) => s.id === strongService)).toMatchObject({ identity: 'strong', available: false });
    const c = await citizen('strong@example.org');
    const r = await c.post('/api/procedures', { serviceId: strongService, data: {} });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('service_unavailable_online');
    // No provider: the SPID/CIE sign-in does not start.
    expect((await new ApiClient(app.url).get('/api/citizen/oidc/start')).status).toBe(404);
  });
});

describe('procedures', () => {
  it('numbers 50 parallel submissions consecutively, each once', async () => {
    const c = await citizen('parallel@example.org');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        c.post('/api/procedures', { serviceId: certificate, data: { ...CERT_DATA, copie: i + 1 }, stampDuty: CERT_STAMP }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const numbers = answers.map((a) => a.body.protocolNumber as string);
    expect(numbers.every((n) => /^\d{4}\/\d{6}$/.test(n))).toBe(true);
    const seqs = numbers.map((n) => Number(n.slice(5))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(50);
    expect(seqs.at(-1)! - seqs[0]).toBe(49);
    expect(new Set(answers.map((a) => a.body.trackingCode)).size).toBe(50);
  });

  it('moves through its statuses with events; illegal moves are 409; nobody else sees or moves it', async () => {
    const anna = await citizen('anna@example.org');
    const bruno = await citizen('bruno@example.org');
    const op1 = await clerk(app.url, 'operatore1');
    const otherOffice = await clerk(app.url, 'tributi1');
    const anonymous = new ApiClient(app.url);

    const before = await space.db.procedure.count();
    expect((await anna.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, status: 'completed' })).status).toBe(
      400,
    );
    expect((await anna.post('/api/procedures', { serviceId: certificate, data: { note: 'x\u0000' } })).status).toBe(400);
    expect((await anonymous.post('/api/procedures', { serviceId: certificate, data: {} })).status).toBe(401);
    expect(await space.db.procedure.count()).toBe(before);

    const created = await anna.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'submitted',
      channel: 'online',
      responsible: null,
      clock: { deadlineDays: 30 },
    });

    // Nobody else: another citizen, a clerk without the skill, nobody signed in.
    for (const [who, c] of [
      ['bruno', bruno],
      ['tributi1', otherOffice],
    ] as const) {
      expect((await c.get(`/api/procedures/${id}`)).status, who).toBe(404);
      expect(
        ((await c.get('/api/procedures')).body as { id: string }[]).map((p) => p.id),
        who,
      ).not.toContain(id);
    }
    expect((await anonymous.get(`/api/procedures/${id}`)).status).toBe(401);
    expect((await anonymous.get('/api/procedures')).status).toBe(401);
    expect((await bruno.post(`/api/procedures/${id}/withdraw`, {})).status).toBe(404);
    expect((await otherOffice.post(`/api/procedures/${id}/take`, {})).status).toBe(404);
    // Roles: a citizen cannot take it, a clerk cannot reply for the citizen.
    expect((await anna.post(`/api/procedures/${id}/take`, {})).status).toBe(401);
    expect((await op1.post(`/api/procedures/${id}/reply`, { citizenNote: 'x' })).status).toBe(401);

    // Illegal from submitted.
    expect((await op1.post(`/api/procedures/${id}/complete`, {})).status).toBe(409);
    expect((await anna.post(`/api/procedures/${id}/reply`, { citizenNote: 'Eccomi' })).status).toBe(409);

    const taken = await op1.post(`/api/procedures/${id}/take`, { internalNote: 'Controllo anagrafe' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ status: 'in_progress', responsible: 'Giulia Ferri' });
    expect((await op1.get('/api/procedures')).body.map((p: { id: string }) => p.id)).toContain(id);

    expect((await op1.post(`/api/procedures/${id}/request-info`, {})).status).toBe(400);
    const asked = await op1.post(`/api/procedures/${id}/request-info`, { citizenNote: 'Serve una copia del documento' });
    expect(asked.body).toMatchObject({ status: 'waiting_citizen', clock: { paused: true } });
    expect((await op1.post(`/api/procedures/${id}/complete`, {})).status).toBe(409);

    // The citizen is told by e-mail, in their language, with the tracking link; never the internal note.
    const outbox = path.join(app.dataDir, 'outbox');
    const toAnna = (t: string) => t.includes('To: anna@example.org');
    await waitForMail(outbox, (t) => toAnna(t) && t.includes(`Pratica ${created.body.protocolNumber} ricevuta`));
    const asking = await waitForMail(outbox, (t) => toAnna(t) && t.includes('servono informazioni'));
    expect(asking).toContain(`/portale/track/${created.body.trackingCode}`);
    expect(asking).toContain('Serve una copia del documento');
    expect(asking).not.toContain('Controllo anagrafe');

    const mine = await anna.get(`/api/procedures/${id}`);
    expect(mine.body.responsible).toBe('Giulia Ferri');
    expect(mine.body.events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'taken', 'info_requested']);
    // The citizen reads the note meant for them, never the internal one.
    expect(JSON.stringify(mine.body)).toContain('Serve una copia del documento');
    expect(JSON.stringify(mine.body)).not.toContain('Controllo anagrafe');
    expect(JSON.stringify((await op1.get(`/api/procedures/${id}`)).body)).toContain('Controllo anagrafe');

    expect((await anna.post(`/api/procedures/${id}/reply`, { citizenNote: 'Allegata' })).body.status).toBe('in_progress');
    const done = await op1.post(`/api/procedures/${id}/complete`, { citizenNote: 'Certificato pronto' });
    expect(done.body).toMatchObject({ status: 'completed', clock: { daysLeft: null } });
    expect((await anna.post(`/api/procedures/${id}/withdraw`, {})).status).toBe(409);

    const events = await space.db.procedureEvent.findMany({ where: { procedureId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => `${e.fromStatus ?? '-'}>${e.toStatus}`)).toEqual([
      '->submitted',
      'submitted>in_progress',
      'in_progress>waiting_citizen',
      'waiting_citizen>in_progress',
      'in_progress>completed',
    ]);

    // The public tracking page: status and timeline, nothing personal.
    const track = await anonymous.get(`/api/procedures/track/${created.body.trackingCode}`);
    expect(track.status).toBe(200);
    expect(track.body).toMatchObject({ status: 'completed', protocolNumber: created.body.protocolNumber });
    const shown = JSON.stringify(track.body);
    for (const secret of ['anna@example.org', 'Giulia Ferri', 'Certificato pronto', CERT_DATA.intestatario, id])
      expect(shown).not.toContain(secret);
    expect((await anonymous.get('/api/procedures/track/abcdefghijkmnpqr')).status).toBe(404);
    expect((await anonymous.get('/api/procedures/track/%ZZ')).status).toBe(400);
  });

  it('lets the citizen withdraw an open procedure, with its event; e-mails follow the citizen’s language', async () => {
    const c = new ApiClient(app.url);
    await c.post('/api/citizen/login', { email: 'withdraw@example.org', lang: 'en' });
    const code = await codeFor('withdraw@example.org');
    expect((await c.post('/api/citizen/login/verify', { email: 'withdraw@example.org', code, lang: 'en' })).status).toBe(200);
    const p = await c.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP });
    const receipt = await waitForMail(
      path.join(app.dataDir, 'outbox'),
      (t) => t.includes('To: withdraw@example.org') && t.includes(`Request ${p.body.protocolNumber} received`),
    );
    expect(receipt).toContain('within 30 days');
    const w = await c.post(`/api/procedures/${p.body.id}/withdraw`, { citizenNote: 'Non serve più' });
    expect(w.body).toMatchObject({ status: 'withdrawn', clock: { daysLeft: null } });
    expect((await c.get('/api/procedures')).body.find((x: { id: string }) => x.id === p.body.id).status).toBe('withdrawn');
  });
});

describe('the citizen’s appointments', () => {
  it('lists the bookings made with the citizen’s own address, upcoming and recent, to them only', async () => {
    const c = await citizen('appointments@example.org');
    const registry = await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } });
    const day = 86_400_000;
    const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day);
    const make = (code: string, email: string, startsIn: number, status: 'booked' | 'pending' | 'cancelled' = 'booked') =>
      space.db.appointment.create({
        data: {
          code,
          officeId: registry.officeId,
          serviceId: registry.id,
          startsAt: at(startsIn),
          endsAt: new Date(at(startsIn).getTime() + 15 * 60_000),
          day: at(startsIn).toISOString().slice(0, 10),
          status,
          email,
          name: 'Anna',
        },
      });
    await make('PORTAL01', 'Appointments@Example.org', 3); // the address as typed when booking
    await make('PORTAL02', 'appointments@example.org', -2, 'cancelled');
    await make('PORTAL03', 'appointments@example.org', 5, 'pending'); // never confirmed: not a booking
    await make('PORTAL04', 'appointments@example.org', -40); // long past
    await make('PORTAL05', 'someone@example.org', 1);

    const mine = await c.get('/api/portal/appointments');
    expect(mine.status).toBe(200);
    expect(mine.body.map((a: { code: string }) => a.code)).toEqual(['PORT-AL02', 'PORT-AL01']);
    expect(mine.body[1]).toMatchObject({ displayStatus: 'booked', manageUrl: expect.stringContaining('/book/manage/') });
    expect((await (await citizen('nobody-booked@example.org')).get('/api/portal/appointments')).body).toEqual([]);
    expect((await new ApiClient(app.url).get('/api/portal/appointments')).status).toBe(401);
  });
});

describe('codes and sessions in time (clock injected, in process)', () => {
  it('refuses a code after its ten minutes; the purge removes ended sessions and old codes only', async () => {
    useInProcessRuntime(space);
    const email = 'late@example.org';
    await new ApiClient(app.url).post('/api/citizen/login', { email });
    const code = await codeFor(email);
    const row = await space.db.citizenLoginCode.findFirstOrThrow({ where: { email } });
    const late = new Date(row.createdAt.getTime() + 10 * 60_000 + 1);
    await expect(verifyLoginCode(email, code, 'it', late)).rejects.toMatchObject({
      code: 'code_invalid',
      details: { attemptsLeft: 0 },
    });
    // An expired code is not even counted as an attempt.
    expect((await space.db.citizenLoginCode.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(0);

    const someone = await space.db.citizen.create({ data: { email: 'purge@example.org' } });
    const now = new Date(row.createdAt.getTime() + 2 * 86_400_000);
    await space.db.citizenSession.createMany({
      data: [
        { id: 'ended', citizenId: someone.id, identity: 'email', expiresAt: new Date(now.getTime() - 1) },
        { id: 'valid', citizenId: someone.id, identity: 'email', expiresAt: new Date(now.getTime() + 3_600_000) },
      ],
    });
    // Everything the tests above made is older than a day at `now`, and their sessions have ended.
    const codesBefore = await space.db.citizenLoginCode.count();
    const endedBefore = await space.db.citizenSession.count({ where: { expiresAt: { lte: now } } });
    expect(endedBefore).toBeGreaterThan(1);
    const fresh = await space.db.citizenLoginCode.create({
      data: { email, codeHash: 'x', createdAt: now, expiresAt: new Date(now.getTime() + 600_000) },
    });
    expect(await purgeExpiredCitizenSessions(now)).toBe(endedBefore + codesBefore);
    expect(await space.db.citizenSession.count({ where: { expiresAt: { lte: now } } })).toBe(0);
    expect((await space.db.citizenSession.findMany({ where: { citizenId: someone.id } })).map((s) => s.id)).toEqual(['valid']);
    expect((await space.db.citizenLoginCode.findMany()).map((c) => c.id)).toEqual([fresh.id]);
  });
});

describe('forms as data', () => {
  it('validates submissions from the service’s form; a new version never changes what was submitted before', async () => {
    const admin = await clerk(app.url, 'admin');
    const op1 = await clerk(app.url, 'operatore1');
    const c = await citizen('forms@example.org');
    const listed = (await c.get('/api/portal/services')).body.find((s: { id: string }) => s.id === certificate);
    expect(listed.form.version).toBe(1);
    expect(listed.form.fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual([
      'intestatario:fiscal_code',
      'uso:choice',
      'copie:number',
    ]);

    const before = await space.db.procedure.count();
    const refused = [
      { uso: 'scuola' }, // required fiscal code missing
      { ...CERT_DATA, intestatario: 'RSSMRA85T10A562T' }, // check character forged
      { ...CERT_DATA, uso: 'vacanza' }, // not an offered choice
      { ...CERT_DATA, copie: 'due' }, // not a number
      { ...CERT_DATA, colore: 'blu' }, // not a field of the form
    ];
    for (const data of refused) {
      const r = await c.post('/api/procedures', { serviceId: certificate, data, stampDuty: CERT_STAMP });
      expect(r.status, JSON.stringify(data)).toBe(400);
      expect(
        r.body.error.details.some((d: { path: string }) => d.path.startsWith('data')),
        JSON.stringify(r.body),
      ).toBe(true);
    }
    expect(await space.db.procedure.count()).toBe(before);

    const first = await c.post('/api/procedures', {
      serviceId: certificate,
      data: { ...CERT_DATA, intestatario: 'rssmra85t10a562s' },
      stampDuty: CERT_STAMP,
    });
    expect(first.status).toBe(201);
    expect(first.body.data.intestatario).toBe('RSSMRA85T10A562S');

    // Only admins change forms; a bad definition changes nothing.
    const v2 = {
      fields: [
        { name: 'intestatario', type: 'fiscal_code', label: { it: 'Codice fiscale' }, required: true },
        { name: 'motivo', type: 'longtext', label: { it: 'Motivo', en: 'Reason' }, required: true },
      ],
    };
    expect((await op1.request('PUT', `/api/admin/services/${certificate}/form`, v2)).status).toBe(403);
    const twice = { fields: [v2.fields[0], v2.fields[0]] };
    expect((await admin.request('PUT', `/api/admin/services/${certificate}/form`, twice)).status).toBe(400);
    const choiceWithout = { fields: [{ name: 'uso', type: 'choice', label: { it: 'Uso' } }] };
    expect((await admin.request('PUT', `/api/admin/services/${certificate}/form`, choiceWithout)).status).toBe(400);
    expect((await admin.get(`/api/admin/services/${certificate}/form`)).body.version).toBe(1);
    expect((await admin.get('/api/admin/services/unknown-service/form')).status).toBe(404);

    const saved = await admin.request('PUT', `/api/admin/services/${certificate}/form`, v2);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect((await c.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP })).status).toBe(
      400,
    );
    const second = await c.post('/api/procedures', {
      serviceId: certificate,
      data: { intestatario: CERT_DATA.intestatario, motivo: 'Bando' },
      stampDuty: CERT_STAMP,
    });
    expect(second.status).toBe(201);

    // The earlier procedure keeps the version it was submitted with.
    const rows = await space.db.procedure.findMany({
      where: { id: { in: [first.body.id, second.body.id] } },
      include: { form: true },
    });
    const versionOf = new Map(rows.map((r) => [r.id, r.form?.version]));
    expect(versionOf.get(first.body.id)).toBe(1);
    expect(versionOf.get(second.body.id)).toBe(2);
    expect((await c.get(`/api/procedures/${first.body.id}`)).body.data).toEqual({
      ...CERT_DATA,
      intestatario: 'RSSMRA85T10A562S',
    });
    const audit = await space.db.auditLog.findFirst({ where: { entity: 'service_form', entityId: certificate } });
    expect(audit?.action).toBe('update');
  });
});

describe('the desk and the portal together', () => {
  it('a clerk opens a procedure for the citizen in front of them, who then follows it online', async () => {
    const op1 = await clerk(app.url, 'operatore1');
    const otherOffice = await clerk(app.url, 'tributi1');
    const citizenAtDesk = { fiscalCode: 'mrt mtt 91d08 f205j', email: 'desk@example.org', name: 'Matteo Moretti' };
    // Not the residence certificate: the forms test above gave it a new form.
    const family = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } })).id;
    const body = { serviceId: family, citizen: citizenAtDesk, data: CERT_DATA };

    expect((await otherOffice.post('/api/procedures/desk', body)).status).toBe(404);
    expect((await new ApiClient(app.url).post('/api/procedures/desk', body)).status).toBe(401);
    const before = await space.db.procedure.count();
    for (const bad of [
      { ...body, citizen: { name: 'Nobody' } }, // neither fiscal code nor e-mail
      { ...body, citizen: { ...citizenAtDesk, fiscalCode: 'MRTMTT91D08F205K' } }, // forged check character
      { ...body, data: { uso: 'scuola' } }, // the form's required field missing
    ])
      expect((await op1.post('/api/procedures/desk', bad)).status, JSON.stringify(bad)).toBe(400);
    expect(await space.db.procedure.count()).toBe(before);

    const opened = await op1.post('/api/procedures/desk', body);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({
      channel: 'desk',
      status: 'submitted',
      citizen: { fiscalCode: 'MRTMTT91D08F205J', email: 'desk@example.org', name: 'Matteo Moretti' },
    });
    expect(opened.body.trackingCode).toMatch(/^[a-z2-9]{16}$/);
    await waitForMail(
      path.join(app.dataDir, 'outbox'),
      (t) => t.includes('To: desk@example.org') && t.includes(opened.body.protocolNumber),
    );

    // Typing the fiscal code at the desk shows that citizen's procedures.
    const byCode = await op1.get('/api/procedures?fiscalCode=mrtmtt91d08f205j');
    expect(byCode.body.map((p: { id: string }) => p.id)).toEqual([opened.body.id]);
    expect((await op1.get('/api/procedures?fiscalCode=MRTMTT91D08F205K')).status).toBe(400);

    // The same citizen signs in with that address and finds it among theirs.
    const online = await citizen('desk@example.org');
    expect((await online.get('/api/procedures')).body.map((p: { id: string }) => p.id)).toContain(opened.body.id);

    // A second visit finds the same citizen; a fiscal code and an address of two people is a conflict.
    const again = await op1.post('/api/procedures/desk', { ...body, citizen: { fiscalCode: 'MRTMTT91D08F205J' } });
    expect(again.body.citizen.id).toBe(opened.body.citizen.id);
    await citizen('someone-else@example.org');
    const conflict = await op1.post('/api/procedures/desk', {
      ...body,
      citizen: { fiscalCode: 'MRTMTT91D08F205J', email: 'someone-else@example.org' },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('citizen_conflict');
  });
});

describe('live updates', () => {
  it('the citizen’s socket hears their procedure move; the back office hears a new one; nobody else joins', async () => {
    const anna = await citizen('live-anna@example.org');
    const bruno = await citizen('live-bruno@example.org');
    const op1 = await clerk(app.url, 'operatore1');
    const otherOffice = await clerk(app.url, 'tributi1');
    const family = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } })).id;
    const officeId = (await space.db.service.findUniqueOrThrow({ where: { id: family } })).officeId;

    const backOffice = await connectSocket(app.url, cookieOf(op1));
    const annaSocket = await connectSocket(app.url, cookieOf(anna));
    const brunoSocket = await connectSocket(app.url, cookieOf(bruno));
    const stranger = await connectSocket(app.url, cookieOf(otherOffice));
    try {
      expect((await subscribe(backOffice, 'procedures:subscribe', { officeId })).ok).toBe(true);
      const refused = await subscribe(stranger, 'procedures:subscribe', { officeId });
      expect(refused.ok ? 'joined' : refused.error.code).toBe('forbidden');
      const changed = collect<{ id: string; status: string }>(backOffice, 'procedureChanged');
      // The citizens' lists: each hears their own procedures, new ones included.
      const annaList = await subscribe<{ id: string }[]>(annaSocket, 'portal:subscribe', {});
      expect(annaList.ok && Array.isArray(annaList.data)).toBe(true);
      expect((await subscribe(brunoSocket, 'portal:subscribe', {})).ok).toBe(true);
      const annaListHears = collect<{ id: string; status: string }>(annaSocket, 'procedureChanged');
      const brunoListHears = collect<unknown>(brunoSocket, 'procedureChanged');

      const p = await anna.post('/api/procedures', { serviceId: family, data: CERT_DATA, stampDuty: CERT_STAMP });
      expect(p.status).toBe(201);
      expect(await changed.next((e) => e.id === p.body.id)).toEqual({ id: p.body.id, officeId, status: 'submitted' });
      expect(await annaListHears.next((e) => e.id === p.body.id)).toEqual({ id: p.body.id, officeId, status: 'submitted' });

      const first = await subscribe<{ status: string }>(annaSocket, 'procedure:subscribe', { id: p.body.id });
      expect(first.ok && first.data.status).toBe('submitted');
      const notHis = await subscribe(brunoSocket, 'procedure:subscribe', { id: p.body.id });
      expect(notHis.ok ? 'joined' : notHis.error.code).toBe('not_found');
      const anonymous = await connectSocket(app.url);
      try {
        const a = await subscribe(anonymous, 'procedure:subscribe', { id: p.body.id });
        expect(a.ok ? 'joined' : a.error.code).toBe('unauthorized');
        const list = await subscribe(anonymous, 'portal:subscribe', {});
        expect(list.ok ? 'joined' : list.error.code).toBe('unauthorized');
      } finally {
        anonymous.disconnect();
      }

      const seen = collect<{ id: string; status: string; responsible: string | null }>(annaSocket, 'procedure');
      const brunoHears = collect<unknown>(brunoSocket, 'procedure');
      await op1.post(`/api/procedures/${p.body.id}/take`, { internalNote: 'solo per noi' });
      const moved = await seen.next((v) => v.status === 'in_progress');
      expect(moved.responsible).toBe('Giulia Ferri');
      expect(JSON.stringify(moved)).not.toContain('solo per noi');
      expect(await changed.next((e) => e.id === p.body.id && e.status === 'in_progress')).toBeTruthy();
      expect(await annaListHears.next((e) => e.id === p.body.id && e.status === 'in_progress')).toBeTruthy();
      expect(brunoHears.seen).toEqual([]);
      expect(brunoListHears.seen).toEqual([]);
    } finally {
      for (const s of [backOffice, annaSocket, brunoSocket, stranger]) s.disconnect();
    }
  });
});

describe('attachments', () => {
  const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

  async function upload(cookie: string | undefined, bytes: Uint8Array, name: string, type = 'application/pdf') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${app.url}/api/procedures/attachments`, {
      method: 'POST',
      body: form,
      headers: cookie ? { cookie } : {},
    });
    return { status: res.status, body: (await res.json()) as { attachmentId: string; error?: { code: string } } };
  }

  const download = (cookie: string | undefined, procedureId: string, attachmentId: string) =>
    fetch(`${app.url}/api/procedures/${procedureId}/attachments/${attachmentId}`, { headers: cookie ? { cookie } : {} });

  it('takes PDF, JPEG and PNG by their content, links them to the uploader’s own request, and serves them only to who may see it', async () => {
    const anna = await citizen('files-anna@example.org');
    const bruno = await citizen('files-bruno@example.org');
    const op1 = await clerk(app.url, 'operatore1');
    const otherOffice = await clerk(app.url, 'tributi1');
    const family = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } })).id;

    // Refused: no sign-in, a text file named .pdf, nothing, too big, not multipart.
    expect((await upload(undefined, PDF, 'a.pdf')).status).toBe(401);
    const fake = await upload(cookieOf(anna), new TextEncoder().encode('not a pdf at all'), 'fake.pdf');
    expect([fake.status, fake.body.error?.code]).toEqual([415, 'unsupported_file_type']);
    expect((await upload(cookieOf(anna), new Uint8Array(), 'empty.pdf')).status).toBe(400);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    expect((await upload(cookieOf(anna), big, 'big.pdf')).status).toBe(413);
    expect((await anna.post('/api/procedures/attachments', { file: 'x' })).status).toBe(415);
    expect(await space.db.attachment.count()).toBe(0);

    const pdf = await upload(cookieOf(anna), PDF, '../../etc/passwd.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ fileName: 'passwd.pdf', contentType: 'application/pdf', size: PDF.length });
    const png = await upload(cookieOf(anna), PNG, 'foto.png', 'application/pdf');
    expect(png.body).toMatchObject({ contentType: 'image/png' }); // the content decides, not the declared type
    // Stored by content hash under the data folder, nowhere else.
    const stored = fs.readdirSync(path.join(app.dataDir, 'attachments'));
    expect(stored).toContain(createHash('sha256').update(PDF).digest('hex'));
    expect(stored.every((f) => /^[0-9a-f]{64}$/.test(f))).toBe(true);

    // Someone else's upload cannot be named; nothing is stored then.
    const before = await space.db.procedure.count();
    const stolen = await bruno.post('/api/procedures', {
      serviceId: family,
      data: CERT_DATA,
      stampDuty: CERT_STAMP,
      attachmentIds: [pdf.body.attachmentId],
    });
    expect([stolen.status, stolen.body.error.code]).toEqual([400, 'unknown_attachment']);
    expect(await space.db.procedure.count()).toBe(before);

    const p = await anna.post('/api/procedures', {
      serviceId: family,
      data: CERT_DATA,
      stampDuty: CERT_STAMP,
      attachmentIds: [pdf.body.attachmentId, png.body.attachmentId],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.attachments.map((a: { fileName: string; byCitizen: boolean }) => [a.fileName, a.byCitizen])).toEqual([
      ['passwd.pdf', true],
      ['foto.png', true],
    ]);
    // Once linked, not again.
    const again = await anna.post('/api/procedures', {
      serviceId: family,
      data: CERT_DATA,
      stampDuty: CERT_STAMP,
      attachmentIds: [pdf.body.attachmentId],
    });
    expect(again.status).toBe(400);

    const mine = await download(cookieOf(anna), p.body.id, pdf.body.attachmentId);
    expect(mine.status).toBe(200);
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(PDF);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''passwd\.pdf$/);
    expect((await download(cookieOf(op1), p.body.id, png.body.attachmentId)).status).toBe(200);
    for (const cookie of [cookieOf(bruno), cookieOf(otherOffice)])
      expect((await download(cookie, p.body.id, pdf.body.attachmentId)).status).toBe(404);
    expect((await download(undefined, p.body.id, pdf.body.attachmentId)).status).toBe(401);
    // An attachment through another procedure's address: not found.
    const other = await anna.post('/api/procedures', { serviceId: family, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect((await download(cookieOf(anna), other.body.id, pdf.body.attachmentId)).status).toBe(404);
  });
});

describe('the citizen’s language', () => {
  it('is what the citizen picks, and their e-mails follow it', async () => {
    const c = await citizen('language@example.org');
    expect((await c.get('/api/citizen/me')).body.lang).toBe('it');
    expect((await c.request('PATCH', '/api/citizen/me', { lang: 'xx' })).status).toBe(400);
    expect((await c.request('PATCH', '/api/citizen/me', { lang: 'en', email: 'other@example.org' })).status).toBe(400);
    expect((await new ApiClient(app.url).request('PATCH', '/api/citizen/me', { lang: 'en' })).status).toBe(401);
    const changed = await c.request('PATCH', '/api/citizen/me', { lang: 'en' });
    expect(changed.body).toMatchObject({ email: 'language@example.org', lang: 'en' });
    const family = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-stato-famiglia' } })).id;
    const p = await c.post('/api/procedures', { serviceId: family, data: CERT_DATA, stampDuty: CERT_STAMP });
    await waitForMail(
      path.join(app.dataDir, 'outbox'),
      (t) => t.includes('To: language@example.org') && t.includes(`Request ${p.body.protocolNumber} received`),
    );
  });
});

describe('certificates and documents', () => {
  const MINI_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const STAMP = { kind: 'stamp', stampNumber: '01234567890123' } as const;
  const get = (cookie: string | undefined, url: string) => fetch(`${app.url}${url}`, { headers: cookie ? { cookie } : {} });
  async function uploadAs(cookie: string | undefined, bytes: Uint8Array, name: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const res = await fetch(`${app.url}/api/procedures/attachments`, {
      method: 'POST',
      body: form,
      headers: cookie ? { cookie } : {},
    });
    return (await res.json()) as { attachmentId: string };
  }
  const serviceId = async (code: string) => (await space.db.service.findUniqueOrThrow({ where: { code } })).id;

  it('refuses a certificate request without a valid stamp duty choice, and a stamp duty where none is asked; nothing is stored', async () => {
    const c = await citizen('stamp@example.org');
    const citizenship = await serviceId('certificato-cittadinanza');
    const canteen = await serviceId('iscrizione-mensa-scolastica');
    const before = await space.db.procedure.count();
    for (const stampDuty of [
      undefined,
      { kind: 'stamp', stampNumber: '0123456789012' }, // 13 digits
      { kind: 'stamp', stampNumber: '0123456789012X' },
      { kind: 'exempt', exemption: 'holiday' }, // not a legal exemption
      { kind: 'exempt', exemption: 'school', note: 'x' }, // unknown field
      { kind: 'free' },
    ]) {
      const r = await c.post('/api/procedures', { serviceId: citizenship, data: CERT_DATA, stampDuty });
      expect(r.status, JSON.stringify(stampDuty)).toBe(400);
      expect(
        r.body.error.details.some((d: { path: string }) => d.path.startsWith('stampDuty')),
        JSON.stringify(r.body),
      ).toBe(true);
    }
    const canteenData = { bambino: 'MRTMTT91D08F205J', scuola: 'Primaria Rodari, 2B', dieta: false, dichiarazione: true };
    const notCert = await c.post('/api/procedures', { serviceId: canteen, data: canteenData, stampDuty: CERT_STAMP });
    expect(notCert.status).toBe(400);
    expect(await space.db.procedure.count()).toBe(before);
    const ok = await c.post('/api/procedures', { serviceId: citizenship, data: CERT_DATA, stampDuty: STAMP });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ certificate: 'citizenship', stampDuty: STAMP, documents: [] });
  });

  it('completing issues the certificate and the clerk’s files in one move; the citizen and the office download them; /api/verify shows the hash and no personal data', async () => {
    const op1 = await clerk(app.url, 'operatore1');
    const otherOffice = await clerk(app.url, 'tributi1');
    const bruno = await citizen('cert-bruno@example.org');
    const anonymous = new ApiClient(app.url);
    const citizenship = await serviceId('certificato-cittadinanza');
    // Opened at the desk for a citizen the office knows by name, without the stamp duty yet.
    const opened = await op1.post('/api/procedures/desk', {
      serviceId: citizenship,
      citizen: { fiscalCode: CERT_DATA.intestatario, email: 'mario.rossi@example.org', name: 'Mario Rossi' },
      data: CERT_DATA,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.id as string;
    expect((await op1.post(`/api/procedures/${id}/take`, {})).status).toBe(200);
    const upload = await uploadAs(cookieOf(op1), MINI_PDF, 'allegato-ufficio.pdf');
    const annaUpload = await uploadAs(cookieOf(await citizen('cert-anna@example.org')), MINI_PDF, 'mine.pdf');

    // Refused completions change nothing: status, documents, uploads.
    const docsBefore = await space.db.document.count();
    for (const bad of [
      {}, // a certificate needs the stamp duty, which the desk did not take
      { stampDuty: { kind: 'stamp', stampNumber: '123' } },
      { stampDuty: { kind: 'exempt', exemption: 'holiday' } },
      { stampDuty: STAMP, attachmentIds: [annaUpload.attachmentId] }, // not the clerk's upload
      { stampDuty: STAMP, attachmentIds: ['no-such-file'] },
      { stampDuty: STAMP, certificate: 'yes' },
      { stampDuty: STAMP, colour: 'blue' },
    ]) {
      const r = await op1.post(`/api/procedures/${id}/complete`, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await op1.post(`/api/procedures/${id}/complete`, {})).body.error.code).toBe('stamp_duty_needed');
    expect(await space.db.document.count()).toBe(docsBefore);
    expect((await space.db.procedure.findUniqueOrThrow({ where: { id } })).status).toBe('in_progress');
    expect(await space.db.attachment.count({ where: { id: upload.attachmentId, procedureId: null } })).toBe(1);
    // Another office's clerk cannot complete it.
    expect((await otherOffice.post(`/api/procedures/${id}/complete`, { stampDuty: STAMP })).status).toBe(404);

    const done = await op1.post(`/api/procedures/${id}/complete`, {
      citizenNote: 'Ecco il certificato',
      stampDuty: STAMP,
      attachmentIds: [upload.attachmentId],
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', stampDuty: STAMP });
    const docs = done.body.documents as {
      id: string;
      kind: string;
      fileName: string;
      sha256: string;
      verificationCode: string;
    }[];
    expect(docs.map((d) => [d.kind, d.fileName])).toEqual([
      ['certificate', `certificato-${opened.body.protocolNumber.replace('/', '-')}.pdf`],
      ['uploaded', 'allegato-ufficio.pdf'],
    ]);
    // The e-mail says where to download them.
    await waitForMail(
      path.join(app.dataDir, 'outbox'),
      (t) => t.includes('To: mario.rossi@example.org') && t.includes(`/portale?p=${id}`),
    );
    // The upload became a document, not an attachment.
    expect(await space.db.attachment.count({ where: { id: upload.attachmentId } })).toBe(0);
    const cert = docs[0];

    // The citizen sees and downloads it.
    const mario = await signedInCitizen(app, 'mario.rossi@example.org');
    const seen = await mario.get(`/api/procedures/${id}`);
    expect(seen.body.documents.map((d: { id: string }) => d.id)).toEqual(docs.map((d) => d.id));
    const url = `/api/procedures/${id}/documents/${cert.id}`;
    const res = await get(cookieOf(mario), url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(sha256).toBe(cert.sha256);
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('CERTIFICATO DI CITTADINANZA');
    expect(text).toContain(`Protocollo n. ${opened.body.protocolNumber}`);
    expect(text).toContain('Mario Rossi');
    expect(text).toContain('marca da bollo) n. 01234567890123');
    expect(text).toContain(formatVerificationCode(cert.verificationCode));
    // The app's public address (PUBLIC_BASE_URL, else the address it printed at start).
    const qr = new URL((await pdfQrCode(bytes)) ?? '');
    expect([qr.port, qr.pathname]).toEqual([new URL(app.url).port, `/verify/${cert.verificationCode}`]);

    // The office downloads it too; nobody else.
    expect((await get(cookieOf(op1), url)).status).toBe(200);
    expect((await get(cookieOf(op1), `/api/procedures/${id}/documents/${docs[1].id}`)).status).toBe(200);
    expect((await get(cookieOf(bruno), url)).status).toBe(404);
    expect((await get(cookieOf(otherOffice), url)).status).toBe(404);
    expect((await get(undefined, url)).status).toBe(401);
    // A document id under another procedure is not found.
    const other = await bruno.post('/api/procedures', { serviceId: citizenship, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect((await get(cookieOf(bruno), `/api/procedures/${other.body.id}/documents/${cert.id}`)).status).toBe(404);

    // Public verification: same fingerprint as the downloaded bytes, what the paper shows, no name.
    const verified = await anonymous.get(`/api/verify/${cert.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      valid: true,
      kind: 'certificate',
      protocolNumber: opened.body.protocolNumber,
      sha256,
      size: bytes.length,
      office: { name: 'Sportello Unico Polivalente' },
    });
    const raw = JSON.stringify(verified.body);
    for (const secret of ['Mario', 'Rossi', CERT_DATA.intestatario, 'mario.rossi', id]) expect(raw).not.toContain(secret);
    // As typed from the paper: dashes and lower case do not matter.
    const typed = formatVerificationCode(cert.verificationCode).toLowerCase();
    expect((await anonymous.get(`/api/verify/${typed}`)).body.sha256).toBe(sha256);
    expect((await anonymous.get(`/api/verify/${'A'.repeat(12)}`)).status).toBe(404);
    expect((await anonymous.get('/api/verify/not-a-code')).status).toBe(400);
  });

  it('completes a request that is no certificate with the clerk’s files, and refuses to generate one for it', async () => {
    const op1 = await clerk(app.url, 'operatore1');
    const c = await citizen('canteen@example.org');
    const canteen = await serviceId('iscrizione-mensa-scolastica');
    const p = await c.post('/api/procedures', {
      serviceId: canteen,
      data: { bambino: 'MRTMTT91D08F205J', scuola: 'Primaria Rodari, 2B', dieta: false, dichiarazione: true },
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.certificate).toBeNull();
    await op1.post(`/api/procedures/${p.body.id}/take`, {});
    const refused = await op1.post(`/api/procedures/${p.body.id}/complete`, { certificate: true });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'not_a_certificate']);
    const letter = await uploadAs(cookieOf(op1), MINI_PDF, 'accoglimento.pdf');
    const done = await op1.post(`/api/procedures/${p.body.id}/complete`, { attachmentIds: [letter.attachmentId] });
    expect(done.status).toBe(200);
    expect(done.body.documents).toHaveLength(1);
    const d = done.body.documents[0];
    const v = await new ApiClient(app.url).get(`/api/verify/${d.verificationCode}`);
    expect(v.body).toMatchObject({ kind: 'uploaded', sha256: createHash('sha256').update(MINI_PDF).digest('hex') });
    // Completing without documents still works (and issues none).
    const q = await c.post('/api/procedures', {
      serviceId: canteen,
      data: { bambino: 'MRTMTT91D08F205J', scuola: 'Primaria Rodari, 3A', dieta: false, dichiarazione: true },
    });
    await op1.post(`/api/procedures/${q.body.id}/take`, {});
    expect((await op1.post(`/api/procedures/${q.body.id}/complete`, {})).body.documents).toEqual([]);
  });
});
