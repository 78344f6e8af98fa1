import { execSync } from 'node:child_process';
import { createSeededTemplate } from './services';

/**
 * Integration and browser tests run the production build: build it when the sources changed
 * (always on CI). SKIP_BUILD=1 skips the Next build when only tests changed; the compiled server
 * is still brought up to date (a second), or a test would run yesterday's server. The bench
 * builds the same way.
 */
export function buildIfStale(): void {
  const what = process.env.SKIP_BUILD === '1' ? '--server' : `--build${process.env.CI ? ' --force' : ''}`;
  execSync(`node scripts/prepare.mjs ${what}`, { stdio: 'inherit' });
}

export default async function setup() {
  buildIfStale();
  // The test spaces' seeded database, copied for each (test/helpers/services.ts); dropped at the end.
  const template = await createSeededTemplate();
  return () => template.drop();
}
