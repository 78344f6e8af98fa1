/**
 * The citizen portal over HTTP on a real app process: sign-in by e-mailed code, online services,
 * procedures numbered under concurrency, the status rules and who may see and move what.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { decodeEml, waitForMail } from '../helpers/outbox';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { useInProcessRuntime } from '../helpers/runtime';
import { clerk } from '../helpers/sportello';
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

/** The newest sign-in code e-mailed to this address. */
async function codeFor(email: string): Promise<string> {
  const outbox = path.join(app.dataDir, 'outbox');
  const until = Date.now() + 15_000;
  for (;;) {
    const files = fs.existsSync(outbox)
      ? fs
          .readdirSync(outbox)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .reverse()
      : [];
    for (const f of files) {
      const text = decodeEml(fs.readFileSync(path.join(outbox, f), 'utf8'));
      const code = /^(\d{6})$/m.exec(text);
      if (text.includes(`To: ${email}`) && code) return code[1];
    }
    if (Date.now() > until) throw new Error(`no code e-mailed to ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function citizen(email: string): Promise<ApiClient> {
  const c = new ApiClient(app.url);
  expect((await c.post('/api/portal/login/code', { email })).status).toBe(200);
  const r = await c.post('/api/portal/login/verify', { email, code: await codeFor(email) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return c;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('sign-in by e-mailed code', () => {
  it('signs in with the code, not with a wrong one; the session is the citizen’s own and ends at logout', async () => {
    const c = new ApiClient(app.url);
    expect((await c.get('/api/portal/me')).status).toBe(401);
    const sent = await c.post('/api/portal/login/code', { email: 'Anna.Verdi@Example.org', lang: 'en' });
    expect(sent.body).toEqual({ sent: true, expiresInMinutes: 10 });
    const code = await codeFor('anna.verdi@example.org');

    const wrong = await c.post('/api/portal/login/verify', { email: 'anna.verdi@example.org', code: wrongCode(code) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'code_invalid', details: { attemptsLeft: 4 } });
    expect((await c.get('/api/portal/me')).status).toBe(401);

    const ok = await c.post('/api/portal/login/verify', { email: 'anna.verdi@example.org', code, lang: 'en' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: 'anna.verdi@example.org', identity: 'email', lang: 'en' });
    expect((await c.get('/api/portal/me')).body.email).toBe('anna.verdi@example.org');
    // A citizen session opens no staff door.
    expect((await c.get('/api/auth/me')).status).toBe(401);
    // Used once.
    expect(
      (await new ApiClient(app.url).post('/api/portal/login/verify', { email: 'anna.verdi@example.org', code })).status,
    ).toBe(400);

    expect((await c.post('/api/portal/logout')).status).toBe(204);
    expect((await c.get('/api/portal/me')).status).toBe(401);
  });

  it('stops after five wrong codes, even when the sixth is right', async () => {
    const email = 'guess@example.org';
    const c = new ApiClient(app.url);
    await c.post('/api/portal/login/code', { email });
    const code = await codeFor(email);
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/portal/login/verify', { email, code: wrongCode(code) })).status).toBe(400);
    const sixth = await c.post('/api/portal/login/verify', { email, code });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_attempts');
  });

  it('sends at most five codes an hour to one address', async () => {
    const c = new ApiClient(app.url);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await c.post('/api/portal/login/code', { email: 'many@example.org' })).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('refuses bad input with 400', async () => {
    const c = new ApiClient(app.url);
    expect((await c.post('/api/portal/login/code', { email: 'not-an-address' })).status).toBe(400);
    expect((await c.post('/api/portal/login/code', { email: 'a@example.org', extra: 1 })).status).toBe(400);
    expect((await c.post('/api/portal/login/verify', { email: 'a@example.org', code: '12a456' })).status).toBe(400);
    expect((await c.post('/api/portal/login/code', { email: 'a\u0000@example.org' })).status).toBe(400);
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
  });
});

describe('procedures', () => {
  it('numbers 50 parallel submissions consecutively, each once', async () => {
    const c = await citizen('parallel@example.org');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => c.post('/api/procedures', { serviceId: certificate, data: { copies: i + 1 } })),
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
    expect((await anna.post('/api/procedures', { serviceId: certificate, data: {}, status: 'completed' })).status).toBe(400);
    expect((await anna.post('/api/procedures', { serviceId: certificate, data: { note: 'x\u0000' } })).status).toBe(400);
    expect((await anonymous.post('/api/procedures', { serviceId: certificate, data: {} })).status).toBe(401);
    expect(await space.db.procedure.count()).toBe(before);

    const created = await anna.post('/api/procedures', { serviceId: certificate, data: { purpose: 'Iscrizione scolastica' } });
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
    for (const secret of ['anna@example.org', 'Giulia Ferri', 'Certificato pronto', 'Iscrizione scolastica', id])
      expect(shown).not.toContain(secret);
    expect((await anonymous.get('/api/procedures/track/abcdefghijkmnpqr')).status).toBe(404);
    expect((await anonymous.get('/api/procedures/track/%ZZ')).status).toBe(400);
  });

  it('lets the citizen withdraw an open procedure, with its event; e-mails follow the citizen’s language', async () => {
    const c = new ApiClient(app.url);
    await c.post('/api/portal/login/code', { email: 'withdraw@example.org', lang: 'en' });
    const code = await codeFor('withdraw@example.org');
    expect((await c.post('/api/portal/login/verify', { email: 'withdraw@example.org', code, lang: 'en' })).status).toBe(200);
    const p = await c.post('/api/procedures', { serviceId: certificate, data: {} });
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

describe('codes and sessions in time (clock injected, in process)', () => {
  it('refuses a code after its ten minutes; the purge removes ended sessions and old codes only', async () => {
    useInProcessRuntime(space);
    const email = 'late@example.org';
    await new ApiClient(app.url).post('/api/portal/login/code', { email });
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
