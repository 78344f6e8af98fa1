import { execSync } from 'node:child_process';

/**
 * Integration and browser tests run the production build: build it when the sources changed
 * (always on CI). SKIP_BUILD=1 skips it when only tests changed.
 */
export default function setup() {
  if (process.env.SKIP_BUILD === '1') return;
  execSync(`node scripts/prepare.mjs --build${process.env.CI ? ' --force' : ''}`, { stdio: 'inherit' });
}
