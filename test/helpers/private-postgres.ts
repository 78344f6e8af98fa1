/**
 * A private PostgreSQL server for fault tests: its own data folder under the temp dir and its own
 * loopback port, started with Debian's initdb and pg_ctl, so a test can stop, crash and restart
 * it without touching the shared server. PostgreSQL refuses to run as root: as root, the folder
 * belongs to the `postgres` user and the binaries run through `runuser`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../server/free-port';

const run = promisify(execFile);
export const PG_BIN = process.env.TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

export interface PrivatePostgres {
  port: number;
  /** Admin URL (user postgres, trust, database postgres). */
  adminUrl: string;
  /** URL of a database on this server. */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** `fast`: clean shutdown; `immediate`: like a crash (recovery from the WAL at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops it and deletes its folder. */
  destroy(): Promise<void>;
}

async function asPostgres(bin: string, args: string[]): Promise<string> {
  const file = path.join(PG_BIN, bin);
  const { stdout } = asRoot
    ? await run('runuser', ['-u', 'postgres', '--', file, ...args], { timeout: 120_000 })
    : await run(file, args, { timeout: 120_000 });
  return stdout;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (asRoot) await run('chown', ['-R', 'postgres:postgres', dir]);
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // Loopback only, no Unix socket (nothing shared with the system's server); fsync off: a test
  // crashes the server, not the machine, so the WAL in the OS cache survives an immediate stop.
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c fsync=off',
    '-c synchronous_commit=on',
    '-c full_page_writes=off',
    '-c shared_buffers=32MB',
    '-c max_connections=200',
  ].join(' ');
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const ready = async () => {
    for (let i = 0; i < 200; i++) {
      const c = new pg.Client({ connectionString: adminUrl });
      try {
        await c.connect();
        await c.query('SELECT 1');
        await c.end();
        return;
      } catch {
        await c.end().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`private PostgreSQL did not answer:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
  };
  const start = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
    await ready();
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  };
  await start();
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    adminUrl,
    url,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`CREATE DATABASE "${name}"`);
      await c.end();
      return url(name);
    },
    stop,
    start,
    async restart(mode = 'fast') {
      await stop(mode);
      await start();
    },
    async destroy() {
      await stop('immediate').catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
