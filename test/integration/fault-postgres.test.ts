/**
 * PostgreSQL restarted under load. A private PostgreSQL (its own data folder and port, started
 * with initdb/pg_ctl) is crashed (`pg_ctl stop -m immediate`: recovery from the WAL at the next
 * start) and started again while kiosks issue and clerks call and complete through two app
 * processes. Meanwhile the API answers 503, never 500; afterwards it works again without a
 * restart of Sportello, and the books hold: every ticket has its events, none is lost or called
 * twice, the daily numbering has no gap and no duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { auditDay, send, simulateOffice } from '../helpers/office-day';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { countersByNumber, createClerks, oneStop } from '../helpers/sportello';

let pg: PrivatePostgres;
let space: TestSpace;
let apps: TestApp[] = [];

beforeAll(async () => {
  pg = await startPrivatePostgres();
  space = await createTestSpace({ pgAdminUrl: pg.adminUrl });
  apps = await Promise.all([startApp(space), startApp(space)]);
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await space?.drop().catch(() => undefined);
  await pg?.destroy();
});

describe('PostgreSQL restarted under load', () => {
  it('answers 503 meanwhile, recovers by itself, and writes nothing by halves', { timeout: 240_000 }, async () => {
    const os = await oneStop(apps[0].url);
    const services = [...os.byPrefix.values()].slice(0, 3);
    const serviceIds = services.map((s) => s.id);
    const clerks = await createClerks(space, {
      officeId: os.officeId,
      prefix: 'pgfault',
      n: 3,
      skills: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
      counters: 3,
    });
    const counters = await countersByNumber(space, os.officeId);
    let next = 0;
    const day = simulateOffice({
      target: () => apps[next++ % apps.length].url,
      db: space.db,
      officeId: os.officeId,
      serviceIds,
      kiosks: 3,
      clerks: clerks.map((username, i) => ({ username, counterId: counters.get(i + 1)!.id })),
      serveMs: 20,
    });

    const served = () => day.stats.calls;
    const until = async (cond: () => boolean) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 50));
    };
    await until(() => served() >= 10 && day.stats.issuedIds.size >= 20);

    // The crash: connections drop at once, new ones are refused until the server is back.
    const t0 = Date.now();
    await pg.stop('immediate');
    await new Promise((r) => setTimeout(r, 1500));
    const beforeStart = { ...day.stats.answers };
    await pg.start();
    const downMs = Date.now() - t0;
    const callsAtRestart = served();
    const issuedAtRestart = day.stats.issuedIds.size;
    await until(() => served() >= callsAtRestart + 10 && day.stats.issuedIds.size >= issuedAtRestart + 10);
    const recoveredMs = Date.now() - t0;
    await day.drain(60_000);

    // Both processes are the same ones as before the crash, and healthy.
    for (const a of apps) {
      expect(a.child.exitCode).toBeNull();
      expect((await send(a.url, 'GET', '/api/health')).status).toBe(200);
    }
    const audit = await auditDay(space.db, os.officeId, day.stats.issuedIds);
    console.info(
      `PostgreSQL crash: down ${downMs} ms, back to work ${recoveredMs} ms after the crash; ` +
        `answers during the outage ${JSON.stringify(beforeStart)}; all answers ${JSON.stringify(day.stats.answers)}; ` +
        `${audit.tickets} tickets, ${audit.completed} completed`,
    );
    expect(day.stats.unexpected).toEqual([]);
    // The outage was seen, as 503 (or no answer while a process was mid-request).
    const unavailable = Object.entries(day.stats.answers).filter(([k]) => k.endsWith(' 503'));
    expect(unavailable.length).toBeGreaterThan(0);
    expect(Object.keys(day.stats.answers).filter((k) => k.endsWith(' 500'))).toEqual([]);
    expect(audit.lost).toEqual([]);
    expect(audit.doubleCalled).toEqual([]);
    expect(audit.halfWritten).toEqual([]);
    expect(audit.sequenceMismatches).toEqual([]);
    expect(audit.completed).toBe(audit.tickets);
  });
});
