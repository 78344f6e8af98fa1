import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../free-port';

export interface RedisHandle {
  url: string;
  /** Set when Sportello started its own redis-server because none answered. */
  child: ChildProcess | null;
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 });
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
 * Uses REDIS_URL (or the local default). When nothing answers and REDIS_URL was not set
 * explicitly, starts a private redis-server under the data folder, as the zero-config default.
 */
export async function ensureRedis(url: string, explicit: boolean, dataDir: string): Promise<RedisHandle> {
  if (await answers(url)) return { url, child: null };
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
    if (await answers(privateUrl)) return { url: privateUrl, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('A private redis-server was started but did not answer.');
}
