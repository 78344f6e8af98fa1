/**
 * The day simulator's reference day in short form (the morning build-up until 10:15, two weeks of
 * history, a fixed seed): the real engine on real PostgreSQL and Redis with a simulated clock,
 * and the accuracy of each estimator against the real waits. The seed fixes every draw, so the
 * figures are the same each run; the bounds below leave a margin under them. `npm run sim` runs
 * the whole day and prints the table the README shows.
 */
import { describe, expect, it } from 'vitest';
import { simulateDay } from '../../sim/main';

describe('simulated reference day (short)', () => {
  it('runs through the engine and the new estimate beats the usual formula, with honest ranges', async () => {
    const r = await simulateDay({
      kind: 'reference',
      seed: 13,
      weeks: 2,
      sampleEveryMinutes: 5,
      until: '10:15',
      oracle: { runs: 60 },
    });
    const { new: fresh, usual, current, naive } = r.accuracy;
    console.log(JSON.stringify({ seconds: r.seconds, visits: r.visits, fresh, usual, current, naive, oracle: r.oracle }));
    // The day happened: every citizen of the morning came, most were served and waited.
    expect(r.visits).toBeGreaterThan(80);
    expect(r.meanWaitMinutes).toBeGreaterThan(2);
    expect(fresh.count).toBeGreaterThan(150);
    // Every estimator saw the same estimates' moments.
    expect(usual.count).toBe(fresh.count);
    // The new estimate: closer than the usual formula and the naive one, mostly within ±5 minutes,
    // and its range holds the real wait far more often than the fixed 80–100 % band.
    expect(fresh.meanAbsoluteError).toBeLessThan(usual.meanAbsoluteError * 0.8);
    expect(fresh.meanAbsoluteError).toBeLessThan(current.meanAbsoluteError);
    expect(fresh.meanAbsoluteError).toBeLessThan(naive.meanAbsoluteError);
    expect(fresh.withinFive).toBeGreaterThan(0.8);
    expect(fresh.rangeCoverage).toBeGreaterThan(0.7);
    // The seed's own figures (3 December 2026, the estimate as the kiosk and the phone page show it):
    // MAE 1.79 min (1.81 before a recalled citizen freed the counter soon) against 2.48 for the
    // usual formula, 93 % within ±5 minutes, range 90 % (87 % before the range's factor was
    // measured on the unrounded range). Since 5 December 1.85 min, 92 % and 89 %: the simulated
    // history serves a citizen transferred at closing time (simulate-wait.ts inLineSince), where it
    // had recorded them as gone, so the estimate learns from slightly different past days. Since
    // the history's no-shows free the counter 2 min after the call, as the engine's do: 1.79 min,
    // 92 % and 91 %. Since hour factors are kept only where they stand out of the noise
    // (history.ts hourFactors): 1.82 min, 92 % and 90 % (the whole reference days got better).
    // The simulated clock, the seed and ids made in order fix the day and every estimate, so these
    // repeat exactly; the margin is for another machine's PostgreSQL and floating point.
    expect(fresh.meanAbsoluteError).toBeLessThan(2.0);
    expect(fresh.withinFive).toBeGreaterThan(0.88);
    expect(fresh.rangeCoverage).toBeGreaterThan(0.85);
    expect(fresh.rangeCoverage).toBeGreaterThan(usual.rangeCoverage + 0.3);

    // The estimators that know the future (sim/oracle.ts), over the same estimates. Told what will
    // happen, the estimate's play forward calls every ticket when the engine did: it is the
    // call-next policy, breaks, closings and transfers as the engine runs them.
    const { known, bound, fair } = r.oracle!;
    expect(known.count).toBe(fresh.count);
    expect(known.meanAbsoluteError).toBeLessThan(0.001);
    // Knowing all but the lengths of visits not begun leaves far less error than the new estimate;
    // knowing only what the office knows, with the simulator's laws, about as much: the new estimate
    // is close to the best possible (measured: new 1.79, fair 1.92, bound 0.61 min with 60 plays; 1.94
    // and 0.56 before fair let a citizen called and not at the desk yet finish walking up, which also
    // moved the oracles' shared random draws).
    expect(bound.meanAbsoluteError).toBeLessThan(fresh.meanAbsoluteError * 0.5);
    expect(fair.meanAbsoluteError).toBeGreaterThan(bound.meanAbsoluteError * 2);
    expect(fresh.meanAbsoluteError).toBeLessThan(fair.meanAbsoluteError * 1.1);
  }, 180_000);
});
