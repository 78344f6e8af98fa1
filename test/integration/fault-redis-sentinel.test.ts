/**
 * Redis with replication and failover: a primary, a replica and three sentinels (Debian's
 * redis-server and redis-sentinel on loopback ports), two app processes configured with
 * REDIS_SENTINELS. The primary is killed (SIGKILL) under load: the sentinels promote the
 * replica, Sportello follows it without a restart, the queues in Redis are the database's again
 * (what the replica had not received yet is reconciled), and the print jobs (BullMQ, one per
 * ticket taken at a kiosk that prints through the server) each run once: every ticket printed at
 * most once, none left behind.
 */
import { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueScore } from '../../server/queue/policy';
import { redisKeys } from '../../server/redis/keys';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { startCapturePrinter, type CapturePrinter } from '../helpers/capture-printer';
import { auditDay, firstAnswer, send, simulateOffice } from '../helpers/office-day';
import { SENTINEL_NAME, startSentinelSetup, type SentinelSetup } from '../helpers/redis-sentinel';
import { eventually } from '../helpers/screens';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { countersByNumber, createClerks, oneStop } from '../helpers/sportello';

let sentinel: SentinelSetup;
let space: TestSpace;
let apps: TestApp[] = [];
let printer: CapturePrinter;

/** A paired kiosk screen: the cookie it holds and the SHA-256 of its token the database keeps. */
function pairedScreen(): { cookie: string; tokenHash: string } {
  const token = randomBytes(24).toString('base64url');
  return { cookie: `sportello_kiosk=${token}`, tokenHash: createHash('sha256').update(token).digest('hex') };
}

beforeAll(async () => {
  sentinel = await startSentinelSetup();
  const sentinels = sentinel.sentinels.map((s) => ({ host: '127.0.0.1', port: s.port }));
  space = await createTestSpace({
    redisUrl: sentinel.primary.url,
    redis: () => new Redis({ sentinels, name: SENTINEL_NAME, failoverDetector: true }).on('error', () => undefined),
  });
  const env = {
    REDIS_SENTINELS: sentinel.sentinelList,
    REDIS_SENTINEL_NAME: SENTINEL_NAME,
    REDIS_URL: 'redis://127.0.0.1:1',
    RECONCILE_INTERVAL_SECONDS: '5',
    // The capture printers listen on loopback.
    PRINTER_NETWORKS: '127.0.0.0/8',
  };
  apps = await Promise.all([startApp(space, env), startApp(space, env)]);
  printer = await startCapturePrinter();
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await space?.drop().catch(() => undefined);
  await printer?.close();
  await sentinel?.stop();
});

describe('Redis primary killed, Sentinel fails over', () => {
  it('Sportello follows the new primary, the queues are right and each print job runs once', { timeout: 240_000 }, async () => {
    const os = await oneStop(apps[0].url);
    const services = [...os.byPrefix.values()].slice(0, 3);
    const serviceIds = services.map((s) => s.id);
    const clerks = await createClerks(space, {
      officeId: os.officeId,
      prefix: 'redisfault',
      n: 2,
      skills: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
      counters: 2,
    });
    const counters = await countersByNumber(space, os.officeId);
    const screen = pairedScreen();
    const kiosk = await space.db.kiosk.create({
      data: {
        officeId: os.officeId,
        name: 'Ingresso',
        tokenHash: randomBytes(16).toString('hex'),
        screenTokenHash: screen.tokenHash,
        printMode: 'server',
        printerType: 'epson',
        printerInterface: printer.address,
        printerStatus: 'online',
      },
    });
    let next = 0;
    const day = simulateOffice({
      target: () => apps[next++ % apps.length].url,
      db: space.db,
      officeId: os.officeId,
      serviceIds,
      kiosks: 2,
      kioskId: kiosk.id,
      kioskCookie: screen.cookie,
      kioskPauseMs: 80,
      // Slow clerks: tickets wait long enough to be printed before they are served.
      serveMs: 300,
      clerks: clerks.map((username, i) => ({ username, counterId: counters.get(i + 1)!.id })),
    });
    await eventually(
      () => day.stats.calls >= 5 && day.stats.issuedIds.size >= 15,
      () => `load running (${day.stats.calls} calls, ${day.stats.issuedIds.size} tickets)`,
    );

    const old = await sentinel.currentPrimary();
    const killedAt = Date.now();
    await sentinel.primary.kill('SIGKILL');
    const promoted = await sentinel.waitForFailover(old);
    const promotedAt = Date.now();
    const failoverMs = promotedAt - killedAt;
    const issuedAtFailover = day.stats.issuedIds.size;
    const callsAtFailover = day.stats.calls;
    await eventually(
      () => day.stats.issuedIds.size >= issuedAtFailover + 10 && day.stats.calls >= callsAtFailover + 3,
      () => `work goes on after the failover (${day.stats.issuedIds.size} tickets, ${day.stats.calls} calls)`,
      60_000,
    );
    await day.stop();
    const after = (kind: string, status: number) => (firstAnswer(day.stats, kind, status, promotedAt) ?? NaN) - killedAt;
    expect(day.stats.unexpected).toEqual([]);
    for (const a of apps) expect(a.child.exitCode).toBeNull();

    // The queues in Redis (now on the promoted replica) are the database's waiting tickets, with their ranks.
    const keys = redisKeys(space.redisPrefix);
    let diff = '';
    await eventually(
      async () => {
        const waiting = await space.db.ticket.findMany({ where: { officeId: os.officeId, status: 'waiting' } });
        const wanted = serviceIds.map((id) =>
          waiting
            .filter((t) => t.serviceId === id)
            .map((t) => `${t.id}:${queueScore(t.queuedAt, t.priority)}`)
            .sort(),
        );
        const have = await Promise.all(
          serviceIds.map(async (id) => {
            const flat = await space.redis.zrange(keys.serviceQueue(os.officeId, id), '0', '-1', 'WITHSCORES');
            const out: string[] = [];
            for (let i = 0; i < flat.length; i += 2) out.push(`${flat[i]}:${flat[i + 1]}`);
            return out.sort();
          }),
        );
        diff = JSON.stringify({ wanted: wanted.map((w) => w.length), have: have.map((h) => h.length) });
        return JSON.stringify(wanted) === JSON.stringify(have);
      },
      () => `Redis queues differ from the database: ${diff}`,
      45_000,
    );
    console.info(
      `Redis primary ${old} killed: sentinels promoted ${promoted} after ${failoverMs} ms; first ticket issued ` +
        `${after('issue', 201)} ms, first call ${after('call', 200)} ms after the kill; queues equal to the database ` +
        `${Date.now() - killedAt} ms after the kill; answers ${JSON.stringify(day.stats.answers)}`,
    );

    const rest = simulateOffice({
      target: () => apps[0].url,
      db: space.db,
      officeId: os.officeId,
      serviceIds,
      kiosks: 0,
      clerks: clerks.map((username, i) => ({ username, counterId: counters.get(i + 1)!.id })),
    });
    await rest.drain(60_000);
    expect(rest.stats.unexpected).toEqual([]);
    const audit = await auditDay(space.db, os.officeId, day.stats.issuedIds);
    expect(audit.lost).toEqual([]);
    expect(audit.doubleCalled).toEqual([]);
    expect(audit.halfWritten).toEqual([]);
    expect(audit.completed).toBe(audit.tickets);

    // Print jobs: none left behind, none run twice (each ticket on paper at most once, and exactly
    // once when its job says printed).
    await eventually(
      async () => (await space.db.printJob.count({ where: { kioskId: kiosk.id, status: { in: ['queued', 'sent'] } } })) === 0,
      () => 'print jobs still pending',
      45_000,
    );
    const jobs = await space.db.printJob.findMany({
      where: { kioskId: kiosk.id },
      include: { ticket: { select: { code: true } } },
    });
    const paper = printer.documents().map((d) => d.qr[0]?.split('/t/')[1]);
    const perCode = new Map<string, number>();
    for (const code of paper) perCode.set(code, (perCode.get(code) ?? 0) + 1);
    const printedTwice = [...perCode].filter(([, n]) => n > 1);
    const printed = jobs.filter((j) => j.status === 'printed');
    const failed = jobs.filter((j) => j.status === 'failed');
    console.info(
      `print jobs: ${jobs.length}, printed ${printed.length}, not printed ${failed.length} (${[...new Set(failed.map((j) => j.lastError))].join('; ')})`,
    );
    expect(printedTwice).toEqual([]);
    expect(printed.map((j) => perCode.get(j.ticket!.code) ?? 0)).toEqual(printed.map(() => 1));
    // Not printed only because the citizen was served first.
    expect(failed.filter((j) => !/The ticket is completed/.test(j.lastError ?? ''))).toEqual([]);
    expect(printed.length).toBeGreaterThan(0);
    expect((await send(apps[1].url, 'GET', '/api/health')).status).toBe(200);
  });

  it('a print job Redis lost is found again and printed once', { timeout: 120_000 }, async () => {
    const os = await oneStop(apps[0].url);
    const port = await freePort();
    // The printer is not there yet: the first attempt fails and the job waits in Redis for its retry.
    const screen = pairedScreen();
    const kiosk = await space.db.kiosk.create({
      data: {
        officeId: os.officeId,
        name: 'Sala B',
        tokenHash: randomBytes(16).toString('hex'),
        screenTokenHash: screen.tokenHash,
        printMode: 'server',
        printerType: 'epson',
        printerInterface: `tcp://127.0.0.1:${port}`,
        printerStatus: 'online',
      },
    });
    const r = await send(apps[0].url, 'POST', '/api/tickets', { serviceId: os.desk[0].id, kioskId: kiosk.id }, screen.cookie);
    expect(r.status).toBe(201);
    expect(r.body.print).toEqual({ status: 'queued' });
    await eventually(
      async () => ((await space.db.printJob.findFirst({ where: { kioskId: kiosk.id } }))?.attempts ?? 0) >= 1,
      () => 'first print attempt',
    );
    // Redis loses the job (as a primary that dies before its replica got it).
    await space.flushRedis();
    const late = await startCapturePrinter({ port });
    try {
      await eventually(
        async () => (await space.db.printJob.findFirst({ where: { kioskId: kiosk.id } }))?.status === 'printed',
        () => 'the lost print job printed',
      );
      const docs = await late.waitForDocuments(1);
      expect(docs.map((d) => d.qr[0]?.split('/t/')[1])).toEqual([r.body.code]);
      await new Promise((res) => setTimeout(res, 6000));
      expect(late.documents().length).toBe(1);
    } catch (err) {
      // Failed once in a full suite (5 December, stop 36), probably so: the flush deletes what one
      // SCAN found, and the job, failing its first attempt meanwhile, went into a delayed set made
      // after it; taken up later without its record, it left a bare one, which the reconciler took
      // for the job (mended, print-reconcile.test.ts). Should it fail again: what they said.
      for (const a of apps) console.error(`--- app ${a.url}:\n${a.output().slice(-6000)}`);
      console.error('print job row:', JSON.stringify(await space.db.printJob.findFirst({ where: { kioskId: kiosk.id } })));
      throw err;
    } finally {
      await late.close();
    }
  });
});
