// `npm run db:seed`: the demo office, on demand, against DATABASE_URL (or the embedded database).
import { loadConfig } from '../server/config';
import { createDb } from '../server/db/client';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { applyMigrations } from '../server/db/migrate';
import { seedDemo } from '../server/demo/seed-demo';

const config = loadConfig();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const url = config.databaseUrl ?? (embedded as { url: string }).url;
await applyMigrations(url);
const db = createDb(url, 1);
// Demo accounts only into the embedded database; a production one gets its admin from `npm run create-admin`.
const { password, staff } = await seedDemo(db, config.timeZone, undefined, { accounts: embedded !== null });
await db.$disconnect();
await embedded?.stop();
console.log(
  staff.length > 0
    ? `Demo data seeded. DEMO staff (published password "${password}"): ${staff.map((s) => s.username).join(', ')}`
    : 'Demo town seeded, without staff accounts: create the first admin with `npm run create-admin`.',
);
