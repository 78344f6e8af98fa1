import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { registerPool } from './sql';
import { log } from '../log';

export type Db = PrismaClient;

/**
 * `max` connections in the pool. Interactive transactions wait up to 10 s for a connection (the
 * embedded database has a single one: PGlite's socket server interleaves the extended-protocol
 * messages of concurrent connections, which corrupts statements). Plain SQL (sql.ts) runs on the
 * same pool, so that limit holds for it too; it prepares its statements unless `prepare` is false
 * (sql.ts: registerPool).
 */
export function createDb(connectionString: string, max = 10, prepare = true): Db {
  const pool = new pg.Pool({ connectionString, max });
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
  return db;
}
