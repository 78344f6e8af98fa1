import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestSpace } from './services';
import { freePort } from '../../server/free-port';

export { freePort };

export interface TestApp {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** The app's DATA_DIR (its e-mail outbox is `outbox/` in it). */
  dataDir: string;
  /** Stops the process; SIGKILL simulates a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The compiled server (scripts/build-server.mjs), which the tests' global setup builds. */
const COMPILED_SERVER = 'dist/server/main.mjs';

/**
 * Starts the real server as its own process on the test space's database and Redis prefix: the
 * compiled one, as `npm start` runs it, and from source (`server/main.ts` through tsx) when there
 * is none.
 */
export async function startApp(space: TestSpace, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<TestApp> {
  // A test that must know the address beforehand (PUBLIC_BASE_URL, an OpenID client's redirect URI) picks the port.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-test-'));
  const server = fs.existsSync(COMPILED_SERVER) ? [COMPILED_SERVER] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...server], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: space.databaseUrl,
      REDIS_URL: space.redisUrl,
      REDIS_PREFIX: space.redisPrefix,
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      SESSION_SECRET: 'test-secret',
      // A test running across local midnight would see its open tickets closed by the day close
      // (a call next answered 204 for a counter still serving); close-day.test.ts runs it on an injected clock.
      DAY_CLOSE_AT_MIDNIGHT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${out}`)), 150_000);
    const check = () => {
      if (out.includes('Sportello is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => out,
    dataDir: env.DATA_DIR ?? dataDir,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
