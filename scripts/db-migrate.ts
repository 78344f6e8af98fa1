// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../server/config';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { applyMigrations } from '../server/db/migrate';

const config = loadConfig();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const applied = await applyMigrations(config.databaseUrl ?? (embedded as { url: string }).url);
await embedded?.stop();
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
