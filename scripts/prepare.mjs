// Makes a fresh clone runnable: generates the Prisma client (offline: Prisma's CLI only needs
// some existing file as the schema-engine path for `generate`) and builds Next.js when needed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, env = {}) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });
const args = new Set(process.argv.slice(2));

if (!fs.existsSync('server/db/generated/client.ts') || args.has('--generate')) {
  run('npx prisma generate', { PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1' });
}
if (args.has('--build') && (!fs.existsSync('.next/BUILD_ID') || args.has('--force'))) {
  run('npx next build');
}
