/**
 * Staff accounts against a real app process on real PostgreSQL and Redis: changing one's own
 * password (and its rules), the change forced after an admin chose the password, failed logins
 * in the audit log, login throttling per account and per address (429 + Retry-After), rehashing
 * to bcrypt cost 12; in the test process with the time injected: idle timeouts per role and the
 * purge of expired logins. And a production database: no demo accounts, its first admin from
 * `npm run create-admin`.
 */
import { spawn } from 'node:child_process';
// Hashes made before 3 December came from bcryptjs: the old account's is made with it.
import bcrypt from 'bcryptjs';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../server/auth/login';
import { purgeExpiredSessions, sessionFromToken, sessionKey } from '../../server/auth/session';
import { MAINTENANCE_QUEUE } from '../../server/jobs/scheduler';
import { redisKeys } from '../../server/redis/keys';
import { ApiClient } from '../helpers/api';
import { startApp, type TestApp } from '../helpers/app';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { expectApiError } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
const MIN = 60_000;
const ADDRESS_LIMIT = 14;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space, { LOGIN_FAILURES_PER_ADDRESS: String(ADDRESS_LIMIT) });
  useInProcessRuntime(space);
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

const client = () => new ApiClient(app.url);

async function loginAs(username: string, password = 'sportello') {
  const c = client();
  const r = await c.post('/api/auth/login', { username, password });
  return { c, r };
}

describe('the demo', () => {
  it('warns loudly at start and marks the demo accounts; they log in without a forced change', async () => {
    // Printed right after the URLs.
    await expect.poll(() => app.output(), { timeout: 15_000 }).toContain('DEMO INSTALLATION');
    const { c, r } = await loginAs('admin');
    expect(r.status).toBe(200);
    expect(r.body.mustChangePassword).toBe(false);
    const me = await c.get('/api/auth/me');
    expect(me.body).toMatchObject({ demo: true, mustChangePassword: false });
  });
});

describe('changing one’s own password', () => {
  it('asks for the current one, applies the rules, ends the other logins, and is audited', async () => {
    const { c } = await loginAs('operatore2');
    const { c: elsewhere } = await loginAs('operatore2');
    const change = (currentPassword: string, newPassword: string) =>
      c.post('/api/auth/password', { currentPassword, newPassword });
    expectApiError(await change('wrong one', 'a good new password'), 403, 'wrong_current_password');
    expectApiError(await change('sportello', 'too short'), 422, 'password_too_short');
    expectApiError(await change('sportello', 'Operatore2'.padEnd(10, ' ')), 422, 'password_is_username');
    expectApiError(await change('sportello', ''), 400, 'invalid_input');

    const ok = await change('sportello', 'a good new password');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ staff: { username: 'operatore2' }, mustChangePassword: false });
    expectApiError(await change('a good new password', 'a good new password'), 422, 'password_unchanged');
    // This login goes on; the other one ended.
    expect((await c.get('/api/counters')).status).toBe(200);
    expectApiError(await elsewhere.get('/api/auth/me'), 401);
    // Old password refused, new one accepted.
    expect((await loginAs('operatore2')).r.status).toBe(401);
    expect((await loginAs('operatore2', 'a good new password')).r.status).toBe(200);
    const row = await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore2' } });
    expect(row).toMatchObject({ demoPassword: false, mustChangePassword: false });
    expect(row.passwordChangedAt).not.toBeNull();
    const audit = await space.db.auditLog.findFirst({ where: { action: 'password_change', entityId: row.id } });
    expect(audit?.staffId).toBe(row.id);
    expect(JSON.stringify([audit?.before, audit?.after])).not.toContain(row.passwordHash);
  });

  it('is refused without a login', async () => {
    expectApiError(await client().post('/api/auth/password', { currentPassword: 'x', newPassword: 'a good new password' }), 401);
  });
});

describe('a password chosen by an admin', () => {
  it('must be changed at the first login: until then that login can do nothing else', async () => {
    const { c: admin } = await loginAs('admin');
    const officeServices = await space.db.service.findMany({ take: 1, select: { id: true } });
    const create = (password: string) =>
      admin.post('/api/admin/staff', {
        username: 'nuova.collega',
        displayName: 'Nuova Collega',
        password,
        skills: [{ serviceId: officeServices[0].id, weight: 1 }],
      });
    expectApiError(await create('nuova.collega'), 422, 'password_is_username');
    expectApiError(await create('ninechars'), 422, 'password_too_short');
    const created = await create('chosen by the admin');
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const { c, r } = await loginAs('nuova.collega', 'chosen by the admin');
    expect(r.status).toBe(200);
    expect(r.body.mustChangePassword).toBe(true);
    expectApiError(await c.get('/api/counters'), 403, 'password_change_required');
    expectApiError(await c.get('/api/staff'), 403, 'password_change_required');
    expect((await c.get('/api/auth/me')).body).toMatchObject({ mustChangePassword: true });
    const changed = await c.post('/api/auth/password', {
      currentPassword: 'chosen by the admin',
      newPassword: 'my very own secret',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await c.get('/api/counters')).status).toBe(200);

    // A reset by the admin: changed again at the next login.
    const id = (created.body as { id: string }).id;
    expectApiError(await admin.post(`/api/admin/staff/${id}/password`, { password: 'short' }), 400);
    expectApiError(await admin.post(`/api/admin/staff/${id}/password`, { password: 'shortpass' }), 422, 'password_too_short');
    expect((await admin.post(`/api/admin/staff/${id}/password`, { password: 'reset by the admin' })).status).toBe(204);
    const again = await loginAs('nuova.collega', 'reset by the admin');
    expect(again.r.body.mustChangePassword).toBe(true);
    expectApiError(await again.c.get('/api/counters'), 403, 'password_change_required');
  });
});

describe('failed logins', () => {
  it('are written to the audit log, which admins read', async () => {
    expect((await loginAs('supervisore', 'not the password')).r.status).toBe(401);
    expect((await loginAs('nobody.here', 'whatever it is')).r.status).toBe(401);
    const { c: admin } = await loginAs('admin');
    const r = await admin.get('/api/admin/audit?entity=login');
    expect(r.status).toBe(200);
    const items = r.body.items as { action: string; entityId: string; after: { reason: string; address: string } }[];
    const supervisor = await space.db.staff.findUniqueOrThrow({ where: { username: 'supervisore' } });
    expect(items.find((i) => i.entityId === 'supervisore')).toMatchObject({
      action: 'login_failed',
      staff: { id: supervisor.id, username: 'supervisore' },
      after: { reason: 'wrong_password', address: expect.stringContaining('127.0.0.1') },
    });
    expect(items.find((i) => i.entityId === 'nobody.here')).toMatchObject({
      action: 'login_failed',
      after: { reason: 'unknown_user' },
    });
  });

  it('rehash a cheaper (cost 10) password at the next successful login', async () => {
    await space.db.staff.update({
      where: { username: 'operatore3' },
      data: { passwordHash: await bcrypt.hash('sportello', 10) },
    });
    expect((await loginAs('operatore3')).r.status).toBe(200);
    const { passwordHash } = await space.db.staff.findUniqueOrThrow({ where: { username: 'operatore3' } });
    expect(bcrypt.getRounds(passwordHash)).toBe(12);
    expect(await bcrypt.compare('sportello', passwordHash)).toBe(true);
  });
});

describe('login throttling', () => {
  it('per account: after 5 failures even the right password waits, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await loginAs('operatore4', `wrong guess ${i}`)).r.status).toBe(401);
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operatore4', password: 'sportello' }),
    });
    expect(res.status).toBe(429);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'login_throttled' } });
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    // Other accounts are not locked by it.
    expect((await loginAs('operatore5')).r.status).toBe(200);
  });

  // Last: afterwards every login from this address waits.
  it('per address: after LOGIN_FAILURES_PER_ADDRESS failures on any accounts, every login from it waits', async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      const { r } = await loginAs(`guess${i}`, 'wrong password');
      if (r.status === 429) break;
      expect(r.status).toBe(401);
    }
    expectApiError((await loginAs('operatore6')).r, 429, 'login_throttled');
  });
});

describe('sessions (time injected)', () => {
  const T = new Date('2031-05-06T08:00:00Z');
  const at = (minutes: number) => new Date(T.getTime() + minutes * MIN);

  it('end after STAFF_SESSION_IDLE_MINUTES (60) idle for clerks, ADMIN_SESSION_IDLE_MINUTES (20) for admins', async () => {
    const clerk = await login({ username: 'operatore1', password: 'sportello' }, { address: 'in-process', now: T });
    expect(await sessionFromToken(clerk.token, at(55))).not.toBeNull();
    // Seen at 55: still valid an hour later, no longer one minute after that.
    expect(await sessionFromToken(clerk.token, at(115))).not.toBeNull();
    expect(await sessionFromToken(clerk.token, at(176))).toBeNull();
    expect(await space.db.session.findUnique({ where: { id: sessionKey(clerk.token) } })).toBeNull();

    const admin = await login({ username: 'admin', password: 'sportello' }, { address: 'in-process', now: T });
    expect(await sessionFromToken(admin.token, at(19))).not.toBeNull();
    expect(await sessionFromToken(admin.token, at(40))).toBeNull();
  });

  it('end after SESSION_HOURS however active', async () => {
    const s = await login({ username: 'anagrafe1', password: 'sportello' }, { address: 'in-process', now: T });
    for (let m = 50; m < 12 * 60; m += 50) expect(await sessionFromToken(s.token, at(m))).not.toBeNull();
    expect(await sessionFromToken(s.token, at(12 * 60))).toBeNull();
  });

  it('past their end or idle are purged by the job’s function; active ones stay', async () => {
    const fresh = await login({ username: 'tributi1', password: 'sportello' }, { address: 'in-process', now: at(1000) });
    const idleClerk = await login(
      { username: 'edilizia1', password: 'sportello' },
      { address: 'in-process', now: at(1000 - 61) },
    );
    const idleAdmin = await login({ username: 'admin', password: 'sportello' }, { address: 'in-process', now: at(1000 - 21) });
    const busyClerk = await login({ username: 'sociali1', password: 'sportello' }, { address: 'in-process', now: at(1000 - 30) });
    const expired = await login(
      { username: 'polizia1', password: 'sportello' },
      { address: 'in-process', now: at(1000 - 12 * 60) },
    );
    await space.db.session.update({ where: { id: sessionKey(expired.token) }, data: { lastSeenAt: at(999) } });
    await purgeExpiredSessions(at(1000));
    const left = async (t: { token: string }) =>
      (await space.db.session.findUnique({ where: { id: sessionKey(t.token) } })) !== null;
    expect(await Promise.all([fresh, busyClerk].map(left))).toEqual([true, true]);
    expect(await Promise.all([idleClerk, idleAdmin, expired].map(left))).toEqual([false, false, false]);
  });

  it('the purge is a repeatable BullMQ job of the running app', async () => {
    const q = new Queue(MAINTENANCE_QUEUE, { connection: space.redis, prefix: redisKeys(space.redisPrefix).bullPrefix() });
    try {
      const schedulers = await q.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toContain('purge-sessions');
    } finally {
      await q.close();
    }
  });
});

describe('a production database', () => {
  let prod: TestSpace;
  let prodApp: TestApp;

  beforeAll(async () => {
    prod = await createTestSpace({ seed: false });
    // Even asked to seed the demo town, a DATABASE_URL installation gets no demo accounts.
    prodApp = await startApp(prod, { SEED_DEMO: '1' });
  });

  afterAll(async () => {
    await prodApp?.stop();
    await prod?.drop();
  });

  // Asynchronous on purpose: a spawnSync blocks this process's event loop for seconds, the app
  // closes the idle keep-alive connection meanwhile, and the next fetch on it fails.
  const createAdmin = (args: string[], input: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', ...args], {
        env: { ...process.env, DATABASE_URL: prod.databaseUrl, NODE_ENV: 'production' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(input);
    });

  it('gets the demo town but no staff account, and no demo warning', async () => {
    expect(await prod.db.office.count()).toBeGreaterThan(0);
    expect(await prod.db.staff.count()).toBe(0);
    expect(prodApp.output()).not.toContain('DEMO INSTALLATION');
    expect((await new ApiClient(prodApp.url).post('/api/auth/login', { username: 'admin', password: 'sportello' })).status).toBe(
      401,
    );
  });

  it('gets its first admin from `npm run create-admin`, which refuses weak passwords', async () => {
    const weak = await createAdmin(['--username', 'capo'], 'capo\n');
    expect(weak.status, weak.stderr).toBe(1);
    expect(weak.stderr).toMatch(/at least 10 characters/);
    expect(await prod.db.staff.count()).toBe(0);

    const ok = await createAdmin(['--username', 'capo', '--display-name', 'Capo Ufficio'], 'a strong first secret\n');
    expect(ok.status, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toContain('Admin "capo" created');
    const again = await createAdmin(['--username', 'capo'], 'another strong secret\n');
    expect(again.status).toBe(1);

    const c = new ApiClient(prodApp.url);
    const r = await c.post('/api/auth/login', { username: 'capo', password: 'a strong first secret' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ staff: { role: 'admin', displayName: 'Capo Ufficio' }, mustChangePassword: false });
    expect((await c.get('/api/auth/me')).body).toMatchObject({ demo: false });
  });
});
