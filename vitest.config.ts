import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration files start their own app processes; on a 2-core machine one file at a time
    // keeps timings honest.
    fileParallelism: false,
    pool: 'forks',
    // Browser and multi-process tests take seconds on an idle machine but several times that on a
    // loaded one; a generous limit only matters when something hangs.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
