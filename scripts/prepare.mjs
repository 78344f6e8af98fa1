// Makes a checkout runnable: generates the Prisma client (offline: Prisma's CLI only needs some
// existing file as the schema-engine path for `generate`) and, with --build, builds Next.js and
// compiles the custom server (scripts/build-server.mjs) when either is missing or older than the
// sources (--force: always); --server compiles only the server.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer, SERVER_MAIN } from './build-server.mjs';

const run = (cmd, env = {}) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
const args = new Set(process.argv.slice(2));

const SOURCES = [
  'app',
  'pages',
  'contract',
  'server',
  'admin',
  'book',
  'kiosk',
  'display',
  'counter',
  'ticket',
  'portal',
  'backoffice',
  'ui',
  'i18n',
  'messages',
  'prisma',
  'next.config.js',
  'proxy.ts',
  'package.json',
  'tsconfig.json',
];

function newestSourceMtime() {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (!st.isDirectory()) return void (newest = Math.max(newest, st.mtimeMs));
    for (const e of fs.readdirSync(p)) if (e !== 'generated' && e !== 'node_modules') walk(path.join(p, e));
  };
  SOURCES.forEach(walk);
  return newest;
}

if (!fs.existsSync('server/db/generated/client.ts') || args.has('--generate')) {
  run('npx prisma generate', {
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  });
}
const stale = (file) => args.has('--force') || !fs.existsSync(file) || fs.statSync(file).mtimeMs < newestSourceMtime();
if (args.has('--build') && stale('.next/BUILD_ID')) run('npx next build');
if ((args.has('--build') || args.has('--server')) && stale(SERVER_MAIN)) await buildServer();
