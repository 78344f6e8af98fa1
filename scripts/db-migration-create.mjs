// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the schema of the last migration to prisma/schema.prisma. Works offline with
// the schema engine from the npm package @prisma/schema-engine-wasm. Each migration folder keeps
// a copy of the schema it produces (schema.prisma), which is what the next diff starts from;
// `prisma migrate deploy` ignores that extra file.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { loadSchemaEngine } from './schema-engine.mjs';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration -- <name>');
  process.exit(2);
}
const root = path.join('prisma', 'migrations');
const previous = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'migration.sql')))
  .sort()
  .at(-1);
const content = fs.readFileSync(path.join('prisma', 'schema.prisma'), 'utf8');
const previousSchema = previous ? path.join(root, previous, 'schema.prisma') : null;
if (previousSchema && !fs.existsSync(previousSchema)) {
  console.error(`${previousSchema} is missing: cannot tell what the last migration produced.`);
  process.exit(1);
}

const SchemaEngine = await loadSchemaEngine();
// The engine wants a reachable database even for a diff between two files; it changes nothing there.
const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', content]] }, () => undefined, factory);
const result = await engine.diff({
  from: previousSchema
    ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fs.readFileSync(previousSchema, 'utf8') }] }
    : { tag: 'empty' },
  to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
const sql = (result.stdout ?? '').trim();
if (!sql || sql.startsWith('-- This is an empty migration')) {
  console.log('The schema matches the last migration: nothing to write.');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(root, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
  fs.writeFileSync(path.join(dir, 'schema.prisma'), content);
  console.log(`Wrote ${dir}/migration.sql`);
}
process.exit(0);
