import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createDb, type Db } from '../../server/db/client';
import { applyMigrations } from '../../server/db/migrate';
import { seedDemo } from '../../server/demo/seed-demo';

/** PostgreSQL and Redis used by the tests; override for machines where they live elsewhere. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestSpace {
  /** A database of its own, migrated and seeded with the demo office. */
  databaseUrl: string;
  /** A Redis key prefix of its own. */
  redisPrefix: string;
  redisUrl: string;
  db: Db;
  redis: Redis;
  /** Deletes every Redis key of this space (what a FLUSHALL would do to it). */
  flushRedis(): Promise<number>;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestSpaceOptions {
  seed?: boolean;
  /** Another PostgreSQL server (a private one a fault test starts and stops). */
  pgAdminUrl?: string;
  /** Another Redis: its URL for the app (REDIS_URL), and how the test itself connects. */
  redisUrl?: string;
  redis?: () => Redis;
  /**
   * Commits do not wait for the disk (synchronous_commit off): for throwaway databases that run
   * many small transactions one after the other, like the day simulator's.
   */
  asyncCommit?: boolean;
}

/** Names the run's migrated and seeded database (set by the global setup: createSeededTemplate). */
const SEEDED_TEMPLATE = 'SPORTELLO_TEST_SEEDED_TEMPLATE';

/**
 * A database migrated and seeded with the demo office once per run, which createTestSpace copies
 * (PostgreSQL's CREATE DATABASE … TEMPLATE) instead of migrating and seeding each space again. No
 * connection to it stays open: PostgreSQL copies only a database nobody uses.
 */
export async function createSeededTemplate(): Promise<{ drop(): Promise<void> }> {
  const name = `sportello_template_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(PG_ADMIN_URL, name);
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl, 1);
  await seedDemo(db);
  await db.$disconnect();
  process.env[SEEDED_TEMPLATE] = name;
  return {
    async drop() {
      delete process.env[SEEDED_TEMPLATE];
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Every test file gets its own database and Redis key space, so runs never collide. */
export async function createTestSpace(opts: TestSpaceOptions = {}): Promise<TestSpace> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const name = `sportello_test_${id}`;
  const adminUrl = opts.pgAdminUrl ?? PG_ADMIN_URL;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // The run's seeded database, copied: migrating and seeding took a second or more per space.
  const template = opts.seed !== false && !opts.pgAdminUrl ? process.env[SEEDED_TEMPLATE] : undefined;
  await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  if (opts.asyncCommit) await admin.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, name);
  if (!template) await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl, 5);
  if (opts.seed !== false && !template) await seedDemo(db);
  const redisPrefix = `sportello_test_${id}`;
  const redisUrl = opts.redisUrl ?? REDIS_URL;
  const redis = opts.redis ? opts.redis() : new Redis(redisUrl);
  const flushRedis = async () => {
    let cursor = '0';
    let n = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) n += await redis.del(...keys);
    } while (cursor !== '0');
    return n;
  };
  return {
    databaseUrl,
    redisPrefix,
    redisUrl,
    db,
    redis,
    flushRedis,
    async drop() {
      await flushRedis();
      redis.disconnect();
      await db.$disconnect();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
