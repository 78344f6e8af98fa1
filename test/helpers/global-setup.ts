import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'server', 'admin', 'book', 'kiosk', 'display', 'counter', 'ticket', 'ui', 'i18n', 'messages', 'prisma'];

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'generated' || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  SOURCE_DIRS.forEach(walk);
  for (const f of ['next.config.js', 'package.json', 'tsconfig.json']) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  return newest;
}

/** Integration and browser tests run the production build: build it once when sources changed. */
export default function setup() {
  if (process.env.SKIP_BUILD === '1') return;
  const buildId = '.next/BUILD_ID';
  const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime();
  if (stale || process.env.CI) {
    console.log('building the app for the tests (next build)…');
    execSync('npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
}
