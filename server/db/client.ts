import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { registerPool } from './sql';
import { log } from '../log';

export type Db = PrismaClient;

/**
 * Connections the pool keeps open however long they idle (at most `max`); the ones above close
 * after pg-pool's 10 s. An office is quiet most of the time: a clerk's call next after 10 s
 * without a click found the pool empty and opened 6–7 connections (the call's and the office
 * feed's pass after it), each a new PostgreSQL backend with nothing prepared; call next took
 * 19–40 ms there instead of 9–20 with these kept (issue 10, one clerk after 11 s of quiet).
 */
export const WARM_CONNECTIONS = 8;

/**
 * `max` connections in the pool, up to WARM_CONNECTIONS of them kept open. Interactive
 * transactions wait up to 10 s for a connection (the embedded database has a single one: PGlite's
 * socket server interleaves the extended-protocol messages of concurrent connections, which
 * corrupts statements). Plain SQL (sql.ts) runs on the same pool, so that limit holds for it too;
 * it prepares its statements unless `prepare` is false (sql.ts: registerPool).
 */
export function createDb(connectionString: string, max = 10, prepare = true): Db {
  const pool = new pg.Pool({ connectionString, max, min: Math.min(max, WARM_CONNECTIONS) });
  // An idle connection dropped by the server: the pool replaces it (Prisma listens too once connected).
  pool.on('error', (err: Error & { code?: string }) =>
    log.warn({ code: err.code, message: err.message }, 'idle database connection lost'),
  );
  const db = new PrismaClient({
    // $disconnect ends the pool as before, when Prisma made its own.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  registerPool(db, pool, prepare);
  // Prisma ends the pool only if it connected: a client used for plain SQL alone would keep its
  // warm connections, and its process alive, after $disconnect.
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    if (!pool.ending) await pool.end();
  };
  return db;
}
