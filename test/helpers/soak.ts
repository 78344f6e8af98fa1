/**
 * The soak: a simulated office day at high speed against real app processes, on a private
 * PostgreSQL and a private Redis, with faults injected at random — an app process killed
 * (SIGKILL) and started again, Redis restarted (it keeps nothing: the queues are rebuilt from
 * PostgreSQL), Redis flushed, PostgreSQL crashed and restarted. At the end the clerks serve
 * everybody and the books are checked. `npm run soak` (scripts/soak.ts) and a short CI run
 * (test/integration/soak.test.ts) both call `runSoak`.
 */
import { startApp, type TestApp } from './app';
import { auditDay, simulateOffice, type DayAudit } from './office-day';
import { startPrivatePostgres } from './private-postgres';
import { startRedisServer } from './redis-sentinel';
import { createTestSpace, type TestSpace } from './services';
import { countersByNumber, createClerks, oneStop } from './sportello';

export const FAULTS = ['kill-app', 'restart-redis', 'flush-redis', 'restart-postgres'] as const;
export type Fault = (typeof FAULTS)[number];

export interface SoakReport {
  seconds: number;
  faults: { at: number; fault: Fault; tookMs: number }[];
  issued: number;
  called: number;
  completed: number;
  lost: number;
  doublyCalled: number;
  halfWritten: number;
  sequenceMismatches: number;
  /** Answers that should never happen (a 500, an unexpected 4xx). */
  unexpected: string[];
  answers: Record<string, number>;
  audit: DayAudit;
  ok: boolean;
}

/** A small seeded generator (mulberry32), so a run can be repeated with --seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runSoak(opts: {
  seconds: number;
  /** Mean pause between two faults. */
  faultEverySeconds?: number;
  apps?: number;
  clerks?: number;
  kiosks?: number;
  seed?: number;
  /** Go on past `seconds` until this many faults were injected (4: one of each kind). */
  minFaults?: number;
  log?: (line: string) => void;
}): Promise<SoakReport> {
  const log = opts.log ?? (() => undefined);
  const rnd = random(opts.seed ?? Date.now());
  const started = Date.now();
  const since = () => Math.round((Date.now() - started) / 100) / 10;

  const pg = await startPrivatePostgres();
  const redis = await startRedisServer().catch(async (err: unknown) => {
    await pg.destroy();
    throw err;
  });
  const apps: (TestApp | null)[] = [];
  const faults: SoakReport['faults'] = [];
  let space: TestSpace | null = null;
  try {
    space = await createTestSpace({ pgAdminUrl: pg.adminUrl, redisUrl: redis.url });
    const started = await Promise.allSettled(Array.from({ length: opts.apps ?? 2 }, () => startApp(space as TestSpace)));
    for (const r of started) if (r.status === 'fulfilled') apps.push(r.value);
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    log(`started: PostgreSQL on ${pg.port}, Redis on ${redis.port}, ${apps.length} app processes (${since()} s)`);
    const os = await oneStop(apps[0]!.url);
    const serviceIds = [...os.byPrefix.values()].slice(0, 4).map((s) => s.id);
    const n = opts.clerks ?? 3;
    const clerks = await createClerks(space, {
      officeId: os.officeId,
      prefix: 'soak',
      n,
      skills: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
      counters: n,
    });
    const counters = await countersByNumber(space, os.officeId);
    const seats = clerks.map((username, i) => ({ username, counterId: counters.get(i + 1)!.id }));
    let turn = 0;
    const target = () => {
      const live = apps.filter((a): a is TestApp => a !== null);
      return live[turn++ % live.length].url;
    };
    const day = simulateOffice({
      target,
      db: space.db,
      officeId: os.officeId,
      serviceIds,
      kiosks: opts.kiosks ?? 3,
      clerks: seats,
      kioskPauseMs: 40,
      serveMs: 30,
    });

    // Faults in shuffled rounds, so that a short run still meets each kind.
    let round: Fault[] = [];
    const pick = (): Fault => {
      if (round.length === 0) round = [...FAULTS].sort(() => rnd() - 0.5);
      return round.pop() as Fault;
    };
    const every = (opts.faultEverySeconds ?? 12) * 1000;
    // The day's length does not count the start of the servers.
    const end = Date.now() + opts.seconds * 1000;
    for (;;) {
      const wait = every * (0.5 + rnd());
      if (Date.now() + wait > end && faults.length >= (opts.minFaults ?? 0)) break;
      await new Promise((r) => setTimeout(r, wait));
      const fault = pick();
      const t0 = Date.now();
      if (fault === 'kill-app') {
        const i = Math.floor(rnd() * apps.length);
        const victim = apps[i]!;
        apps[i] = null;
        await victim.stop('SIGKILL');
        apps[i] = await startApp(space);
      } else if (fault === 'restart-redis') {
        await redis.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 500));
        await redis.start();
      } else if (fault === 'flush-redis') {
        await space.redis.flushall();
      } else {
        await pg.restart('immediate');
      }
      faults.push({ at: since(), fault, tookMs: Date.now() - t0 });
      log(`${since()} s: ${fault} (${Date.now() - t0} ms); ${day.stats.issuedIds.size} issued, ${day.stats.calls} called so far`);
    }
    const remaining = end - Date.now();
    if (remaining > 0) await new Promise((r) => setTimeout(r, remaining));
    log(`${since()} s: the kiosks close; the clerks serve whoever waits`);
    await day.drain(90_000);
    const audit = await auditDay(space.db, os.officeId, day.stats.issuedIds);
    const called = await space.db.ticketEvent.count({ where: { officeId: os.officeId, type: 'called' } });
    const report: SoakReport = {
      seconds: opts.seconds,
      faults,
      issued: audit.tickets,
      called,
      completed: audit.completed,
      lost: audit.lost.length,
      doublyCalled: audit.doubleCalled.length,
      halfWritten: audit.halfWritten.length,
      sequenceMismatches: audit.sequenceMismatches.length,
      unexpected: day.stats.unexpected,
      answers: day.stats.answers,
      audit,
      ok: false,
    };
    report.ok =
      report.lost === 0 &&
      report.doublyCalled === 0 &&
      report.halfWritten === 0 &&
      report.sequenceMismatches === 0 &&
      report.unexpected.length === 0;
    return report;
  } finally {
    await Promise.all(apps.map((a) => a?.stop()));
    await space?.drop().catch(() => undefined);
    await redis.kill('SIGKILL').catch(() => undefined);
    await pg.destroy();
  }
}
