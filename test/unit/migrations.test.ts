import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase, SCHEMA_FILE, type MigratedDatabase } from '../../scripts/migrations-diff';

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

  it('are found wanting when the schema has a change no migration makes', async () => {
    const schema = fs
      .readFileSync(SCHEMA_FILE, 'utf8')
      .replace(/^model Office \{$/m, 'model Office {\n  notInAnyMigration String?');
    expect(await db.diffTo(schema)).toMatch(/ALTER TABLE "Office" ADD COLUMN\s+"notInAnyMigration" TEXT;/);
  });
});
