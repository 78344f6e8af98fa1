import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './test/helpers/sequencer';

export default defineConfig({
  test: {
    // Two files at a time on the 2-core machine: most of a browser or integration file is spent
    // waiting (an app starting, a page settling, Redis and PostgreSQL answering), so two overlap
    // well; more would only queue for the cores. Every file has its own database, Redis prefix,
    // ports and processes, so files never share state.
    maxWorkers: 2,
    pool: 'forks',
    // Browser and multi-process tests take seconds on an idle machine but several times that on a
    // loaded one; a generous limit only matters when something hangs.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The same for expect.poll: its default second is too short when a neighbouring file loads the
    // cores, and a passing poll returns as soon as it passes.
    expect: { poll: { timeout: 5_000 } },
    // The few small files that run for minutes first, also on a fresh clone (test/helpers/sequencer.ts).
    sequence: { sequencer: LongFirstSequencer },
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
