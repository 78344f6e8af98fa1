import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openMigratedDatabase, SCHEMA_FILE, type MigratedDatabase } from '../../scripts/migrations-diff';
import { applyMigrations } from '../../server/db/migrate';
import { freePort } from '../../server/free-port';

// One throwaway PGlite database built from the committed migrations, compared with schemas.
let db: MigratedDatabase;
beforeAll(async () => {
  db = await openMigratedDatabase();
});
afterAll(() => db?.close());

describe('migrations', () => {
  it('produce exactly prisma/schema.prisma (after changing it, run `npm run db:migration -- <name>`)', async () => {
    expect(db.migrations.length).toBeGreaterThan(0);
    expect(await db.diffTo(fs.readFileSync(SCHEMA_FILE, 'utf8'))).toBe('');
  });

  it('keep no schema copies: prisma/schema.prisma is the only schema file', () => {
    const copies = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, 'schema.prisma')))
      .map((d) => `prisma/migrations/${d}/schema.prisma`);
    expect(copies, 'delete these copies: migrations are compared with prisma/schema.prisma itself').toEqual([]);
  });

  it('are found wanting when the schema has a change no migration makes', async () => {
    const schema = fs
      .readFileSync(SCHEMA_FILE, 'utf8')
      .replace(/^model Office \{$/m, 'model Office {\n  notInAnyMigration String?');
    expect(await db.diffTo(schema)).toMatch(/ALTER TABLE "Office" ADD COLUMN\s+"notInAnyMigration" TEXT;/);
  });
});

describe('migration localized_texts', () => {
  /**
   * A database as it stood before the migration (the migrations before it, copied apart), rows
   * with Italian and English columns, then the rest of the migrations: the texts are per
   * language, a blank English is missing (it falls back), empty hints and reasons are null.
   */
  it('moves the Italian and English columns into one text per language', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-before-'));
    const all = fs.readdirSync(MIGRATIONS_DIR).filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, 'migration.sql')));
    const target = all.find((d) => d.endsWith('_localized_texts'));
    expect(target).toBeDefined();
    for (const d of all.filter((x) => x < target!))
      fs.cpSync(path.join(MIGRATIONS_DIR, d), path.join(before, d), { recursive: true });
    const db = await PGlite.create();
    const port = await freePort();
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 2 });
    await server.start();
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    try {
      await applyMigrations(url, before);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`
        INSERT INTO "Office" (id, slug, name, "nameEn") VALUES ('o1', 'desk', 'Sportello', 'Desk'), ('o2', 'tax', 'Tributi', '  ');
        INSERT INTO "Category" (id, slug, "nameIt", "nameEn") VALUES ('c1', 'anagrafe', 'Anagrafe', 'Registry');
        INSERT INTO "Service" (id, code, prefix, "nameIt", "nameEn", "categoryId", "officeId")
          VALUES ('s1', 'residenza', 'A', 'Residenza', 'Residence', 'c1', 'o1');
        INSERT INTO "Kiosk" (id, "officeId", name, "tokenHash", "locationHintIt", "locationHintEn")
          VALUES ('k1', 'o1', 'Ingresso', 'h1', 'Piano terra', 'Ground floor'), ('k2', 'o1', 'Atrio', 'h2', '', ''),
                 ('k3', 'o1', 'Retro', 'h3', '', 'Back door');
        INSERT INTO "Display" (id, "officeId", name, slug, "serviceIds", "categoryIds", "tickerIt", "tickerEn", "updatedAt")
          VALUES ('d1', 'o1', 'Sala', 'sala', '{}', '{}', '{"Benvenuti","Giovedì fino alle 17"}', '{"Welcome"}', now()),
                 ('d2', 'o1', 'Vuoto', 'vuoto', '{}', '{}', '{}', '{}', now());
        INSERT INTO "Closure" (id, "officeId", "fromDay", "toDay", reason)
          VALUES ('x1', 'o1', '2027-04-12', '2027-04-13', 'Trasloco'), ('x2', 'o1', '2027-05-01', '2027-05-01', '');
        INSERT INTO "PatronDay" ("officeId", month, day, name) VALUES ('o1', 8, 7, 'San Donato'), ('o2', 1, 1, '');
      `);
      await client.end();
      expect(await applyMigrations(url, MIGRATIONS_DIR)).toContain(target);
      const read = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;
      expect(await read('SELECT id, name FROM "Office" ORDER BY id')).toEqual([
        { id: 'o1', name: { it: 'Sportello', en: 'Desk' } },
        { id: 'o2', name: { it: 'Tributi' } },
      ]);
      expect(await read('SELECT name FROM "Category"')).toEqual([{ name: { it: 'Anagrafe', en: 'Registry' } }]);
      expect(await read('SELECT name FROM "Service"')).toEqual([{ name: { it: 'Residenza', en: 'Residence' } }]);
      expect(await read('SELECT id, "locationHint" FROM "Kiosk" ORDER BY id')).toEqual([
        { id: 'k1', locationHint: { it: 'Piano terra', en: 'Ground floor' } },
        { id: 'k2', locationHint: null },
        { id: 'k3', locationHint: { it: 'Back door', en: 'Back door' } },
      ]);
      expect(await read('SELECT id, ticker FROM "Display" ORDER BY id')).toEqual([
        { id: 'd1', ticker: [{ it: 'Benvenuti', en: 'Welcome' }, { it: 'Giovedì fino alle 17' }] },
        { id: 'd2', ticker: [] },
      ]);
      expect(await read('SELECT id, reason FROM "Closure" ORDER BY id')).toEqual([
        { id: 'x1', reason: { it: 'Trasloco' } },
        { id: 'x2', reason: null },
      ]);
      expect(await read('SELECT "officeId", name FROM "PatronDay" ORDER BY "officeId"')).toEqual([
        { officeId: 'o1', name: { it: 'San Donato' } },
        { officeId: 'o2', name: null },
      ]);
      const left = await read(
        `SELECT table_name, column_name FROM information_schema.columns WHERE column_name ~ '(It|En)$' AND table_schema = 'public'`,
      );
      expect(left).toEqual([]);
    } finally {
      await server.stop();
      await db.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
