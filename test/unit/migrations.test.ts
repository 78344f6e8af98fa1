import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openMigratedDatabase, SCHEMA_FILE, type MigratedDatabase } from '../../scripts/migrations-diff';

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
