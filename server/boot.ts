import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { loadConfig, type Config } from './config';
import { stopAnnouncedCaches } from './realtime/announced-cache';
import { createDb } from './db/client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded';
import { applyMigrations } from './db/migrate';
import type { DemoSeeded } from './demo/seed-demo';
import { apiRouter } from './http/api-router';
import { frontDoor } from './http/front-door';
import { log } from './log';
import { reconcileOffice } from './queue/engine';
import { publishOfficeChanged } from './realtime/publish';
import { rooms } from './realtime/rooms';
import { renewWatchedRooms } from './realtime/watched-rooms';
import { startJobs } from './jobs/scheduler';
import { BULL_BOARD_PATH, bullBoardHandler } from './jobs/bull-board';
import { httpAnswered } from './ops/metrics';
import { serveMetrics } from './ops/metrics-endpoint';
import { attachKioskAgents } from './printing/agent-hub';
import { requeueLostPrintJobs } from './printing/print-queue';
import { attachRealtime } from './socket/io';
import { startOfficeFeed } from './socket/office-feed';
import { startEstimateThread } from './estimates/estimate-thread';
import { createRedis, ensureRedis } from './redis/connect';
import { redisKeys } from './redis/keys';
import { within } from './redis/within';
import { setRuntime, type Runtime } from './runtime';

export interface Sportello {
  url: string;
  runtime: Runtime;
  /** The demo accounts, when this start seeded the demo data. */
  seeded: DemoSeeded | null;
  /** Active accounts that still have the published demo password (the start banner warns). */
  demoAccounts: number;
  /** Folder of the embedded database, when no DATABASE_URL was given. */
  embeddedDir: string | null;
  stop(): Promise<void>;
}

function sessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  // Zero-config default: a random secret kept with the data, so sessions survive restarts.
  const file = path.join(config.dataDir, 'session-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Redis made to match PostgreSQL again: the live queues, and print jobs Redis lost. A repaired
 * queue is announced, or the screens would keep the figures of before until the next click.
 */
async function reconcileAll(rt: Runtime): Promise<void> {
  const offices = await rt.db.office.findMany({ select: { id: true } });
  for (const o of offices) {
    const { added, removed } = await reconcileOffice(o.id);
    if (added + removed > 0) publishOfficeChanged(o.id);
  }
  await requeueLostPrintJobs();
}

/** How long a stop waits for the job queues to close. */
const JOBS_STOP_WAIT_MS = 3000;
/** How long an idle keep-alive connection stays open (Node's default is 5 s). */
const KEEP_ALIVE_MS = 65_000;
/**
 * Connections the kernel keeps waiting for the server to accept (the system's somaxconn caps it;
 * 4,096 on current Linux). With Node's 511, ten thousand screens reconnecting after a restart
 * overflowed the queue 1,300–21,800 times per storm: the kernel dropped the clients' handshakes
 * and they tried again one, three, seven seconds later (issue 10: the storm took 8.5–13 s, and once
 * 11 screens were unanswered after a minute on a slow host).
 */
const LISTEN_BACKLOG = 4096;

/**
 * Starts the whole system in this process: database (external or embedded), migrations, demo
 * seed, Redis, Next.js pages and API, socket.io, and the queue reconciler.
 */
export async function startSportello(env: Record<string, string | undefined> = process.env): Promise<Sportello> {
  const config = loadConfig(env);
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir);
    databaseUrl = embedded.url;
  }
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl, embedded ? 1 : 20, !embedded);

  let seeded: Sportello['seeded'] = null;
  const wantSeed = config.seedDemo ?? (embedded !== null && (await db.office.count()) === 0);
  // Loaded only to seed: the demo data (prisma/demo) is no part of a normal start. Demo accounts
  // (with the published password) only ever go into the embedded database.
  if (wantSeed)
    seeded = await (await import('./demo/seed-demo')).seedDemo(db, config.timeZone, undefined, { accounts: embedded !== null });
  const demoAccounts = await db.staff.count({ where: { active: true, demoPassword: true } });

  const redisHandle = await ensureRedis(config, env.REDIS_URL !== undefined);
  const redis = createRedis(redisHandle, { maxRetriesPerRequest: 3, enableAutoPipelining: true });
  const sub = createRedis(redisHandle);
  const keys = redisKeys(config.redisPrefix);

  const httpServer = http.createServer();
  // Idle keep-alive connections live longer than a reverse proxy's or a client's (nginx and most
  // load balancers keep theirs 60 s): with Node's 5 s the server could close a connection just as
  // the other side sent a request on it, which then failed ("socket hang up", a proxy's 502).
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  httpServer.headersTimeout = KEEP_ALIVE_MS + 1000;
  const runtime: Runtime = {
    config,
    db,
    redis,
    keys,
    io: null,
    officeFeed: null,
    estimateThread: startEstimateThread(),
    sessionSecret: sessionSecret(config),
    baseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
  };
  setRuntime(runtime);

  const app = next({ dev: config.dev, dir: process.cwd(), hostname: 'localhost', port: config.port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Operations endpoints are answered here, before Next: /metrics, and Bull Board for admins.
  const bullBoard = bullBoardHandler();
  const api = apiRouter(path.join(process.cwd(), 'app'));
  httpServer.on('request', (req, res) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => httpAnswered(req.method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    if (frontDoor(req, res, config)) return;
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/metrics') return void serveMetrics(req, res, config.metricsToken);
    if (pathname === BULL_BOARD_PATH || pathname.startsWith(`${BULL_BOARD_PATH}/`)) return bullBoard(req, res);
    if (api(req, res, pathname)) return;
    void handle(req, res);
  });
  runtime.io = attachRealtime(httpServer, redis.duplicate(), sub, keys.socketIoChannel(), config.publicBaseUrl);
  runtime.officeFeed = startOfficeFeed();
  const stopRenewingRooms = renewWatchedRooms(rooms.supervisor(''));
  attachKioskAgents(runtime.io);

  await reconcileAll(runtime);
  const jobs = await startJobs(redis, config.timeZone, config.dayCloseAtMidnight);
  const reconcile = async () => {
    await reconcileAll(runtime);
    const restored = await jobs.restoreLostSchedules();
    if (restored.length > 0) log.warn({ restored }, 'job schedules missing from Redis were created again');
  };
  // Redis restarted or flushed: rebuild as soon as it is back, and check every 30 s anyway.
  redis.on('ready', () => void reconcile().catch((err: unknown) => log.error({ err }, 'reconcile failed')));
  const timer = setInterval(
    () => void reconcile().catch((err: unknown) => log.error({ err }, 'reconcile failed')),
    config.reconcileIntervalSeconds * 1000,
  );
  timer.unref();

  await new Promise<void>((resolve) =>
    httpServer.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, resolve),
  );
  const port = (httpServer.address() as { port: number }).port;
  if (!config.publicBaseUrl) runtime.baseUrl = `http://localhost:${port}`;

  return {
    url: `http://localhost:${port}`,
    runtime,
    seeded,
    demoAccounts,
    embeddedDir: embedded ? config.dataDir : null,
    async stop() {
      clearInterval(timer);
      stopRenewingRooms();
      runtime.officeFeed?.stop();
      await runtime.estimateThread?.stop();
      // The job queues' connections wait for Redis to come back before they close: with Redis
      // down a stop would hang until main.ts gives up (8 s, exit code 1). Jobs not finished are
      // BullMQ's to retry; the connections are dropped below in any case.
      await within(jobs.stop(), JOBS_STOP_WAIT_MS).catch((err: unknown) => log.warn({ err }, 'job queues not closed cleanly'));
      await new Promise<void>((resolve) => {
        if (runtime.io) void runtime.io.close(() => resolve());
        else resolve();
      });
      // Keep-alive and long-polling connections would hold close() open indefinitely.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await closed;
      await app.close?.();
      redis.disconnect();
      sub.disconnect();
      stopAnnouncedCaches();
      await db.$disconnect();
      await embedded?.stop();
      redisHandle.child?.kill();
      setRuntime(undefined);
    },
  };
}
