// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes a database built from the committed migrations to prisma/schema.prisma
// (scripts/migrations-diff.ts). Offline: in-memory PGlite and the schema engine from the npm
// package @prisma/schema-engine-wasm. Only migration.sql files count; nothing else is written.
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, openMigratedDatabase, SCHEMA_FILE } from './migrations-diff';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration -- <name>');
  process.exit(2);
}

// Folders made by the old tool carried a schema copy; nothing reads those any more.
for (const copy of fs.readdirSync(MIGRATIONS_DIR).map((d) => path.join(MIGRATIONS_DIR, d, 'schema.prisma')))
  if (fs.existsSync(copy)) console.warn(`Ignoring ${path.relative(process.cwd(), copy)}: not used any more, delete it.`);

const db = await openMigratedDatabase();
let sql: string;
try {
  sql = await db.diffTo(fs.readFileSync(SCHEMA_FILE, 'utf8'));
} finally {
  await db.close();
}
if (!sql) {
  console.log(`The ${db.migrations.length} migrations already produce prisma/schema.prisma: nothing to write.`);
} else {
  // Migrations apply in name order: the new one must sort after the last, even within one second.
  const last = db.migrations.at(-1)?.slice(0, 14) ?? '';
  let stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  if (stamp <= last) stamp = String(BigInt(last) + 1n);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
process.exit(0);
