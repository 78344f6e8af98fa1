import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Small files that run for minutes. Vitest runs the longest files first only when it has their
 * durations cached, and `npm ci` wipes that cache (node_modules/.vite): on a fresh clone, as in CI,
 * it runs the largest files first, so these came last, two of them at once while the other worker
 * had nothing left (5 December: 1,220 s, of which about 3 minutes on them alone).
 */
const LONG_FIRST = [
  'test/integration/sim.test.ts',
  'test/e2e/kiosk-accessibility.test.ts',
  'test/integration/bench.test.ts',
  'test/integration/soak.test.ts',
];

/** Vitest's own order (sequence.sequencer), with the files above at the front of their project. */
class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONG_FIRST.findIndex((p) => f.moduleId.endsWith(p));
      return i === -1 ? LONG_FIRST.length : i;
    };
    // The base order keeps each project's files together: reorder inside each, stably.
    const byProject = new Map<string, TestSpecification[]>();
    for (const f of await super.sort(files)) byProject.set(f.project.name, [...(byProject.get(f.project.name) ?? []), f]);
    return [...byProject.values()].flatMap((group) =>
      group
        .map((f, i) => ({ f, i }))
        .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
        .map(({ f }) => f),
    );
  }
}

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
    // The few small files that run for minutes first, also on a fresh clone (LONG_FIRST above).
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
