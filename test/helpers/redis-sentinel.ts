/**
 * Private Redis servers for fault tests, on loopback ports of their own: a single server that a
 * test may kill and restart, or a primary + replica watched by three sentinels (quorum 2) that
 * fail over when the primary dies. Nothing is persisted (like the shared test Redis).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../server/free-port';

export const SENTINEL_NAME = 'sportello';

export interface RedisServer {
  port: number;
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port (after a kill), with the same arguments. */
  start(): Promise<void>;
}

async function answers(port: number): Promise<boolean> {
  const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.ping();
    return true;
  } catch {
    return false;
  } finally {
    c.disconnect();
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not ready in ${timeoutMs} ms`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A redis-server on a free port; `args` are extra command-line settings. */
export async function startRedisServer(opts: { args?: string[]; binary?: string; port?: number } = {}): Promise<RedisServer> {
  const port = opts.port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-redis-'));
  const spawnIt = () =>
    spawn(
      opts.binary ?? 'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...(opts.args ?? [])],
      { stdio: 'ignore' },
    );
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    child: spawnIt(),
    async kill(signal = 'SIGKILL') {
      const done = exited(server.child);
      server.child.kill(signal);
      await done;
    },
    async start() {
      server.child = spawnIt();
      await waitFor(`redis-server on ${port}`, () => answers(port));
    },
  };
  await waitFor(`redis-server on ${port}`, () => answers(port));
  return server;
}

export interface SentinelSetup {
  primary: RedisServer;
  replica: RedisServer;
  sentinels: RedisServer[];
  /** `REDIS_SENTINELS` value: host:port of the three sentinels. */
  sentinelList: string;
  /** host:port of the primary as the sentinels see it now. */
  currentPrimary(): Promise<string>;
  /** Resolves once the sentinels name a primary other than `old` and it accepts writes. */
  waitForFailover(old: string, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startSentinelSetup(): Promise<SentinelSetup> {
  const primary = await startRedisServer();
  const replica = await startRedisServer({ args: ['--replicaof', '127.0.0.1', String(primary.port)] });
  await waitFor('replica in sync', async () => {
    const r = new Redis(replica.url);
    try {
      return /master_link_status:up/.test(await r.info('replication'));
    } finally {
      r.disconnect();
    }
  });
  const sentinels: RedisServer[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-sentinel-'));
    const conf = path.join(dir, 'sentinel.conf');
    // Fast detection for the test: down after 1 s of silence, failover retried after 5 s.
    fs.writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${SENTINEL_NAME} 127.0.0.1 ${primary.port} 2`,
        `sentinel down-after-milliseconds ${SENTINEL_NAME} 1000`,
        `sentinel failover-timeout ${SENTINEL_NAME} 5000`,
        `sentinel parallel-syncs ${SENTINEL_NAME} 1`,
        '',
      ].join('\n'),
    );
    // The sentinel rewrites its config file (what it learnt): it must own a writable one.
    const spawnIt = () => spawn('redis-sentinel', [conf], { stdio: 'ignore' });
    const s: RedisServer = {
      port,
      url: `redis://127.0.0.1:${port}`,
      child: spawnIt(),
      async kill(signal = 'SIGKILL') {
        const done = exited(s.child);
        s.child.kill(signal);
        await done;
      },
      async start() {
        s.child = spawnIt();
        await waitFor(`sentinel on ${port}`, () => answers(port));
      },
    };
    await waitFor(`sentinel on ${port}`, () => answers(port));
    sentinels.push(s);
  }
  const ask = async (): Promise<string> => {
    for (const s of sentinels) {
      const c = new Redis({
        port: s.port,
        host: '127.0.0.1',
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      c.on('error', () => undefined);
      try {
        await c.connect();
        const [host, port] = (await c.call('SENTINEL', 'get-master-addr-by-name', SENTINEL_NAME)) as [string, string];
        return `${host}:${port}`;
      } catch {
        // next sentinel
      } finally {
        c.disconnect();
      }
    }
    throw new Error('no sentinel answers');
  };
  // Every sentinel must know the replica and the others before a failover can be agreed on.
  await waitFor(
    'sentinels see each other and the replica',
    async () => {
      const c = new Redis(sentinels[0].url);
      try {
        const info = (await c.call('SENTINEL', 'master', SENTINEL_NAME)) as string[];
        const field = (k: string) => Number(info[info.indexOf(k) + 1]);
        return field('num-slaves') >= 1 && field('num-other-sentinels') >= 2;
      } finally {
        c.disconnect();
      }
    },
    60_000,
  );
  return {
    primary,
    replica,
    sentinels,
    sentinelList: sentinels.map((s) => `127.0.0.1:${s.port}`).join(','),
    currentPrimary: ask,
    async waitForFailover(old, timeoutMs = 60_000) {
      let now = old;
      await waitFor(
        'failover',
        async () => {
          now = await ask().catch(() => old);
          if (now === old) return false;
          const c = new Redis(`redis://${now}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
          c.on('error', () => undefined);
          try {
            await c.connect();
            return /role:master/.test(await c.info('replication'));
          } catch {
            return false;
          } finally {
            c.disconnect();
          }
        },
        timeoutMs,
      );
      return now;
    },
    async stop() {
      await Promise.all([...sentinels, primary, replica].map((s) => s.kill('SIGKILL')));
    },
  };
}
