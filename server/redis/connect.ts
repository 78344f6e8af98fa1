import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config';
import { freePort } from '../free-port';

export interface RedisHandle {
  /** The Redis URL; null when Redis is reached through Sentinel. */
  url: string | null;
  /** Sentinel settings (ioredis options), or the password set apart from the URL. */
  options: RedisOptions;
  /** Set when Sportello started its own redis-server because none answered. */
  child: ChildProcess | null;
}

/**
 * A new connection to the installation's Redis: by URL, or through Sentinel (ioredis asks the
 * sentinels for the current primary on every (re)connect, and `failoverDetector` listens to
 * their `+switch-master`, so a promoted replica is followed without a restart). Connections
 * made with `duplicate()` keep the same settings: the socket.io adapter and BullMQ use those.
 */
export function createRedis(handle: RedisHandle, extra: RedisOptions = {}): Redis {
  return handle.url ? new Redis(handle.url, { ...handle.options, ...extra }) : new Redis({ ...handle.options, ...extra });
}

function sentinelOptions(s: NonNullable<Config['redisSentinel']>): RedisOptions {
  return {
    sentinels: s.sentinels,
    name: s.name,
    ...(s.sentinelPassword ? { sentinelPassword: s.sentinelPassword } : {}),
    failoverDetector: true,
    // Ask the sentinels again quickly while a failover is under way.
    sentinelRetryStrategy: (times: number) => Math.min(times * 100, 1000),
  };
}

async function answers(url: string | null, options: RedisOptions = {}): Promise<boolean> {
  const probeOptions: RedisOptions = {
    ...options,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    sentinelRetryStrategy: () => null,
    connectTimeout: 1500,
  };
  const probe = url ? new Redis(url, probeOptions) : new Redis(probeOptions);
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * Uses Sentinel (REDIS_SENTINELS) or REDIS_URL (or the local default). When nothing answers and
 * neither was set explicitly, starts a private redis-server under the data folder, as the
 * zero-config default.
 */
export async function ensureRedis(config: Config, explicit: boolean): Promise<RedisHandle> {
  const { redisUrl: url, dataDir } = config;
  const password: RedisOptions = config.redisPassword ? { password: config.redisPassword } : {};
  if (config.redisSentinel) {
    const options = { ...sentinelOptions(config.redisSentinel), ...password };
    // The sentinels may be in the middle of a failover at start: give them a few seconds.
    for (let i = 0; i < 20; i++) {
      if (await answers(null, options)) return { url: null, options, child: null };
      await new Promise((r) => setTimeout(r, 500));
    }
    const where = config.redisSentinel.sentinels.map((s) => `${s.host}:${s.port}`).join(',');
    throw new Error(
      `No Redis primary "${config.redisSentinel.name}" found through the sentinels ${where}. Check REDIS_SENTINELS.`,
    );
  }
  if (await answers(url, password)) return { url, options: password, child: null };
  if (explicit) throw new Error(`Redis does not answer at ${url}. Check REDIS_URL.`);
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error || found.status !== 0) {
    throw new Error(
      `Redis does not answer at ${url} and redis-server is not installed.\n` +
        'Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL.',
    );
  }
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await answers(privateUrl)) return { url: privateUrl, options: {}, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('A private redis-server was started but did not answer.');
}
