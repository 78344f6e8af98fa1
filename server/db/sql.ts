import pg from 'pg';
import { Prisma } from './generated/client';

/**
 * Plain SQL on the pool Prisma's adapter uses, for the statements every click runs (issuing a
 * ticket, calling, completing, the session and kiosk checks). Prisma's client spends 75–400 µs
 * of CPU around each query (building, interpreting, mapping the result) where `pg` alone spends
 * about 25 µs: a third of the CPU of a call next + complete in issue 10's profile. Everything
 * else keeps the Prisma client.
 *
 * Same tagged template as Prisma's `$queryRaw` (`Prisma.sql` fragments, `Prisma.join`), same
 * values back: timestamps as Dates (the columns are `timestamp` in UTC), bigint as BigInt, JSON
 * parsed.
 */
export interface SqlRunner {
  /** `T` is the rows' array type, as with Prisma's `$queryRaw` (a Prisma transaction client is a SqlRunner too). */
  $queryRaw<T = unknown>(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
}

const TIMESTAMP = 1114;
const INT8 = 20;

/** Like Prisma: `timestamp` columns hold UTC, whatever the process's time zone. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
    if (oid === INT8) return (v: string) => BigInt(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Dates as UTC text (pg would send local time), BigInts as text. */
function param(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v;
}

function runner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async $queryRaw<T>(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const q = strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
      const res = await client.query({ text: q.text, values: q.values.map(param), types });
      return res.rows as T;
    },
  };
}

/**
 * The pool rides on the Prisma client object under a registered symbol: Next bundles its own copy
 * of this module for the pages, and both copies must find the pool of the one client.
 */
const POOL = Symbol.for('sportello.sqlPool');
type WithPool = { [POOL]?: { pool: pg.Pool; runner: SqlRunner } };

/** Registers the pool behind a Prisma client (db/client.ts). */
export function registerPool(db: object, pool: pg.Pool): void {
  (db as WithPool)[POOL] = { pool, runner: runner(pool) };
}

function entry(db: object) {
  const e = (db as WithPool)[POOL];
  if (!e) throw new Error('No pool registered for this database client');
  return e;
}

/** Single statements, each atomic on its own. */
export function sql(db: object): SqlRunner {
  return entry(db).runner;
}

/**
 * A transaction on one connection of the pool: `fn` gets a runner bound to it; COMMIT when it
 * returns, ROLLBACK when it throws. Hold it briefly: the connection is the pool's.
 */
export async function sqlTransaction<T>(db: object, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const client = await entry(db).pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(runner(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true; // the connection itself failed: do not give it back to the pool
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
