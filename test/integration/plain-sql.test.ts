import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma } from '../../server/db/generated/client';
import { createDb, WARM_CONNECTIONS } from '../../server/db/client';
import { sql } from '../../server/db/sql';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * The plain SQL of the hot paths (server/db/sql.ts) must give what Prisma's `$queryRaw` gives —
 * timestamps as UTC Dates whatever the process's time zone, bigint, JSON, arrays — and prepare
 * each statement once per connection.
 */
describe('plain SQL beside Prisma', () => {
  let space: TestSpace;
  const zone = process.env.TZ;
  beforeAll(async () => {
    space = await createTestSpace({ seed: false });
    await space.db.$executeRaw`CREATE TABLE probe (id int PRIMARY KEY, at timestamp(3), note text)`;
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  afterAll(async () => space.drop());

  it.each(['UTC', 'Europe/Rome', 'America/New_York', 'Asia/Tokyo'])('reads and writes timestamps as UTC in %s', async (tz) => {
    process.env.TZ = tz;
    const at = new Date('2026-07-01T10:20:30.456Z');
    const id = tz.length; // distinct per zone
    await sql(space.db).$queryRaw`INSERT INTO probe (id, at) VALUES (${id}, ${at})`;
    const [viaPrisma] = await space.db.$queryRaw<{ at: Date }[]>`SELECT at FROM probe WHERE id = ${id}`;
    const [viaSql] = await sql(space.db).$queryRaw<
      { at: Date; text: string }[]
    >`SELECT at, at::text AS text FROM probe WHERE id = ${id}`;
    expect(viaPrisma!.at.toISOString()).toBe(at.toISOString());
    expect(viaSql!.at.toISOString()).toBe(at.toISOString());
    expect(viaSql!.text).toBe('2026-07-01 10:20:30.456');
  });

  it('gives bigint, JSON, arrays and booleans as Prisma does, and takes Prisma.sql fragments', async () => {
    const ids = Prisma.join(['a', 'b']);
    const [row] = await sql(space.db).$queryRaw<{ n: bigint; j: unknown; a: string[]; b: boolean; hit: boolean }[]>`
      SELECT 9007199254740993::int8 AS n, '{"it":"Certificato"}'::jsonb AS j, ARRAY['x', 'y'] AS a, true AS b,
             'b' IN (${ids}) AS hit`;
    expect(row).toEqual({ n: 9007199254740993n, j: { it: 'Certificato' }, a: ['x', 'y'], b: true, hit: true });
  });

  it('prepares each statement once per connection and then only runs it', async () => {
    // One connection, so every statement below meets what the ones before prepared.
    const db = createDb(space.databaseUrl, 1);
    try {
      for (const id of [100, 101]) await sql(db).$queryRaw`SELECT note FROM probe WHERE id = ${id}`;
      const prepared = await sql(db).$queryRaw<
        { name: string; statement: string }[]
      >`SELECT name, statement FROM pg_prepared_statements`;
      const mine = prepared.filter((p) => p.statement.includes('SELECT note FROM probe'));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.name).toMatch(/^sportello_\d+$/);
    } finally {
      await db.$disconnect();
    }
  });

  it('runs a statement again unprepared when a migration changed its result type under it (a rolling upgrade)', async () => {
    // One connection, so the second run meets the statement the first one prepared.
    const db = createDb(space.databaseUrl, 1);
    try {
      await space.db.$executeRaw`CREATE TABLE widened (id int PRIMARY KEY)`;
      await space.db.$executeRaw`INSERT INTO widened VALUES (1)`;
      const read = () => sql(db).$queryRaw<Record<string, unknown>[]>`SELECT * FROM widened WHERE id = ${1}`;
      expect(await read()).toEqual([{ id: 1 }]);
      await space.db.$executeRaw`ALTER TABLE widened ADD COLUMN note text DEFAULT 'new'`;
      expect(await read()).toEqual([{ id: 1, note: 'new' }]);
      expect(await read()).toEqual([{ id: 1, note: 'new' }]);
    } finally {
      await db.$disconnect();
    }
  });

  it('prepares nothing where asked not to (the embedded database)', async () => {
    const db = createDb(space.databaseUrl, 1, false);
    try {
      await sql(db).$queryRaw`SELECT note FROM probe WHERE id = ${1}`;
      const rows = await sql(db).$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`;
      expect(rows).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });

  it('keeps WARM_CONNECTIONS connections open through a quiet spell and closes the ones above', async () => {
    const max = WARM_CONNECTIONS + 3;
    const db = createDb(space.databaseUrl, max);
    // pg-pool closes an idle connection with setTimeout (10 s); sockets use Node's own timers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // A burst that needs every connection at once: each waits for the others to arrive.
      const pids = await Promise.all(
        Array.from({ length: max }, () =>
          sql(db).$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)`.then((r) => r[0]!.pid),
        ),
      );
      expect(new Set(pids).size).toBe(max);
      vi.advanceTimersByTime(60_000); // a quiet minute
      const open = async () =>
        Number(
          (await space.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE pid = ANY(${pids})`)[0]!.n,
        );
      await vi.waitFor(async () => expect(await open()).toBe(WARM_CONNECTIONS), { timeout: 5_000 });
      // And they serve the next click without a new backend.
      const [again] = await sql(db).$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      expect(pids).toContain(again!.pid);
    } finally {
      vi.useRealTimers();
      await db.$disconnect();
    }
  });

  it('lets its kept connections go on $disconnect when only plain SQL used them', async () => {
    const db = createDb(space.databaseUrl, 2);
    const [row] = await sql(db).$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    await db.$disconnect();
    await vi.waitFor(
      async () => {
        const [left] = await space.db.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM pg_stat_activity WHERE pid = ${row!.pid}`;
        expect(left!.n).toBe(0n);
      },
      { timeout: 5_000 },
    );
  });
});
