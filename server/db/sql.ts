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

/**
 * Statements are prepared once per connection and then only bound and run: PostgreSQL parses and
 * plans the hot statements once instead of on every click (issue 10: its CPU per visit halved, from
 * 1.8 to 0.8 ms). Names are per text, shared by the module's copies (they share the pool's
 * connections, see POOL). Texts made with a variable number of parts could be endless, so past
 * MAX_PREPARED texts the rest run unprepared. A prepared statement whose result type changed under
 * it (a migration run by a newer process during a rolling upgrade: "cached plan must not change
 * result type", 0A000) is run again unprepared, and its text is never prepared again here.
 */
const MAX_PREPARED = 500;
const CACHED_PLAN_CHANGED = '0A000';

/** Text → statement name; null: run unprepared. The whole map is null where nothing is prepared (the embedded database). */
type Names = Map<string, string | null> | null;

function statementName(names: Names, text: string): string | undefined {
  if (!names) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) names.set(text, (name = `sportello_${names.size}`));
  return name ?? undefined;
}

/** Every statement runs on its own on the pool, so one refused for a changed plan can simply run again. */
function runner(pool: pg.Pool, names: Names): SqlRunner {
  return {
    async $queryRaw<T>(strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const q = strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
      const query = { text: q.text, values: q.values.map(param), types };
      const name = statementName(names, q.text);
      try {
        return (await pool.query(name ? { ...query, name } : query)).rows as T;
      } catch (err) {
        if (!name || (err as { code?: string }).code !== CACHED_PLAN_CHANGED) throw err;
        names?.set(q.text, null);
        return (await pool.query(query)).rows as T;
      }
    },
  };
}

/**
 * The pool rides on the Prisma client object under a registered symbol: Next bundles its own copy
 * of this module for the pages, and both copies must find the pool of the one client.
 */
const POOL = Symbol.for('sportello.sqlPool');
type WithPool = { [POOL]?: { runner: SqlRunner; shared: Map<string, unknown> } };

/**
 * Registers the pool behind a Prisma client (db/client.ts). `prepare: false` for the embedded
 * database: its one backend session outlives the socket connections to it, so a reconnected pool
 * would find its statement names already taken.
 */
export function registerPool(db: object, pool: pg.Pool, prepare = true): void {
  (db as WithPool)[POOL] = { runner: runner(pool, prepare ? new Map() : null), shared: new Map() };
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
 * One object per database and name, made from its single-statement runner, shared by the module's
 * copies: the write batchers (db/batcher.ts), which must see every write of their lane.
 */
export function perDatabase<T>(db: object, name: string, make: (runner: SqlRunner) => T): T {
  const e = entry(db);
  if (!e.shared.has(name)) e.shared.set(name, make(e.runner));
  return e.shared.get(name) as T;
}
