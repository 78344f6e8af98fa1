// What SQL would take a database built from the committed migrations to prisma/schema.prisma.
// The database is a throwaway in-memory PGlite (the embedded engine) migrated exactly as the
// server migrates (server/db/migrate.ts: only each folder's migration.sql counts); the schema
// engine then compares what it finds there with the schema file. No schema copies are kept.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { applyMigrations } from '../server/db/migrate';
import { freePort } from '../server/free-port';
import { loadSchemaEngine } from './schema-engine';

export const SCHEMA_FILE = path.resolve('prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve('prisma/migrations');

export interface MigratedDatabase {
  /** The migrations applied, in order. */
  migrations: string[];
  /** The SQL from the migrated database to `schema` (a schema file's text); '' when they match. */
  diffTo(schema: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * PostgreSQL's internal one-byte `"char"` type (OID 18), which the engine's introspection reads,
 * is one adapter-pg 7.10 cannot map ("Column type 'char' could not be deserialized"). The pool
 * hands such columns to the adapter as text and notes them by their rows array (the adapter
 * passes it through unchanged); the adapter wrapper then reports them as the character columns
 * the engine expects.
 */
const charColumns = new WeakMap<unknown[], number[]>();

class CharAwarePool extends pg.Pool {
  // The adapter calls query(config, values) and awaits the promise: the only form wrapped here.
  // (`never` fits every one of pg's many query() overloads.)
  override query(...args: unknown[]): never {
    const run = (super.query as (...a: unknown[]) => unknown)(...args);
    if (!(run instanceof Promise)) return run as never;
    return run.then((result: pg.QueryResult) => {
      const cols = (result.fields ?? []).flatMap((f, i) => (f.dataTypeID === 18 ? [i] : []));
      for (const i of cols) result.fields[i].dataTypeID = pg.types.builtins.TEXT;
      if (cols.length) charColumns.set(result.rows, cols);
      return result;
    }) as never;
  }
}

function charAware(factory: SqlDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const fix = (result: SqlResultSet): SqlResultSet => {
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    // Only diffs run here: the migrated database itself is the throwaway one.
    connectToShadowDb: () => Promise.reject(new Error('No shadow database: diff only')),
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      const queryRaw = adapter.queryRaw.bind(adapter);
      return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
        queryRaw: async (q: Parameters<SqlDriverAdapter['queryRaw']>[0]) => fix(await queryRaw(q)),
      });
    },
  };
}

/** Builds a throwaway database from the migrations in `dir`, ready to be compared with schemas. */
export async function openMigratedDatabase(dir = MIGRATIONS_DIR): Promise<MigratedDatabase> {
  const db = await PGlite.create();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 4 });
  await server.start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const pool = new CharAwarePool({ connectionString: url, max: 2 });
  try {
    const migrations = await applyMigrations(url, dir);
    const SchemaEngine = await loadSchemaEngine();
    const factory = bindMigrationAwareSqlAdapterFactory(charAware(new PrismaPg(pool)));
    const files = (content: string) => [{ path: 'schema.prisma', content }];
    // The engine needs a schema to start; each diff names its own.
    const engine = await SchemaEngine.new(
      { datamodels: [['schema.prisma', fs.readFileSync(SCHEMA_FILE, 'utf8')]] },
      () => undefined,
      factory,
    );
    return {
      migrations,
      async diffTo(schema) {
        const result = await engine.diff({
          // The datasource of this schema is the adapter's database: the migrated one.
          from: { tag: 'schemaDatasource', files: files(schema), configDir: process.cwd() },
          to: { tag: 'schemaDatamodel', files: files(schema) },
          script: true,
          exitCode: null,
          filters: { externalTables: [], externalEnums: [] },
        });
        const sql = (result.stdout ?? '').trim();
        return sql.startsWith('-- This is an empty migration') ? '' : sql;
      },
      async close() {
        engine.free();
        await pool.end();
        await server.stop();
        await db.close();
      },
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}
