/**
 * Which failures answer 503 (a dependency down, restarting or failing over) rather than 500.
 * Real errors from the real clients where a closed port can produce them; the shapes of a
 * connection dropped by a restarting server as pg and Prisma's adapter report them.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDb } from '../../server/db/client';
import { AppError } from '../../server/errors';
import { freePort } from '../../server/free-port';
import { isDependencyUnavailable } from '../../server/http/unavailable';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('isDependencyUnavailable', () => {
  it('PostgreSQL not listening: through Prisma and through pg', async () => {
    const port = await freePort();
    const db = createDb(`postgresql://postgres@127.0.0.1:${port}/x`, 1);
    expect(isDependencyUnavailable(await rejection(db.office.count()))).toBe(true);
    await db.$disconnect();
    const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/x` });
    expect(isDependencyUnavailable(await rejection(client.connect()))).toBe(true);
  });

  it('Redis not answering: ioredis gives up after its retries', async () => {
    const port = await freePort();
    const redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1, retryStrategy: () => 20 });
    redis.on('error', () => undefined);
    expect(isDependencyUnavailable(await rejection(redis.get('x')))).toBe(true);
    redis.disconnect();
  });

  it('a connection dropped by a server shutting down, crashing or starting up', () => {
    const pgError = (code: string) => Object.assign(new Error('terminating connection'), { code, severity: 'FATAL' });
    for (const code of ['57P01', '57P02', '57P03', '08006']) expect(isDependencyUnavailable(pgError(code)), code).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // Prisma's wrapping of the driver adapter's error.
    const adapter = { name: 'DriverAdapterError', message: 'x', cause: { kind: 'ConnectionClosed' } };
    expect(isDependencyUnavailable(Object.assign(new Error('x'), { code: 'P2010', cause: adapter }))).toBe(true);
    const postgres = { kind: 'postgres', code: '57P01', message: 'terminating connection due to administrator command' };
    expect(isDependencyUnavailable({ name: 'DriverAdapterError', message: 'x', cause: postgres })).toBe(true);
    // A Redis replica that was the primary a moment ago.
    expect(isDependencyUnavailable(new Error("READONLY You can't write against a read only replica."))).toBe(true);
  });

  it('bugs and refusals are not unavailability', () => {
    expect(isDependencyUnavailable(new Error('boom'))).toBe(false);
    expect(isDependencyUnavailable(new AppError(409, 'counter_busy', 'busy'))).toBe(false);
    expect(isDependencyUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
    expect(isDependencyUnavailable(Object.assign(new Error('syntax'), { code: '42601', severity: 'ERROR' }))).toBe(false);
    expect(isDependencyUnavailable(z.string().safeParse(1).error)).toBe(false);
    expect(isDependencyUnavailable(null)).toBe(false);
  });
});
