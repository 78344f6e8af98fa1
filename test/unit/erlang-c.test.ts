import { describe, expect, it } from 'vitest';
import { countersNeeded, meanWaitMinutes, probabilityOfWaiting, serviceLevel } from '../../server/forecast/erlang-c';

/** The textbook form, Σ and factorials: an independent check of the recursion for small loads. */
function erlangCBySum(c: number, a: number): number {
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const top = (a ** c / (fact * c)) * (c / (c - a));
  return top / (sum + top);
}

describe('Erlang C', () => {
  it('one counter waits with probability ρ (M/M/1)', () => {
    expect(probabilityOfWaiting(1, 0.6)).toBeCloseTo(0.6, 12);
  });

  it('two counters: C = 2ρ² / (1 + ρ)', () => {
    const a = 1.2;
    const rho = a / 2;
    expect(probabilityOfWaiting(2, a)).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
  });

  it('agrees with the sum-of-powers formula', () => {
    for (const [c, a] of [
      [3, 2.5],
      [6, 4.9],
      [12, 10],
      [20, 15.3],
    ] as const) {
      expect(probabilityOfWaiting(c, a)).toBeCloseTo(erlangCBySum(c, a), 10);
    }
  });

  it('stays finite for a whole region (a = 400 Erlangs)', () => {
    const p = probabilityOfWaiting(420, 400);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('is 1 when the counters cannot keep up and 0 with no load', () => {
    expect(probabilityOfWaiting(3, 3)).toBe(1);
    expect(probabilityOfWaiting(3, 0)).toBe(0);
    expect(serviceLevel(3, { arrivalsPerHour: 30, serviceMinutes: 6 }, 10)).toBe(0);
    expect(meanWaitMinutes(3, { arrivalsPerHour: 30, serviceMinutes: 6 })).toBe(Infinity);
  });

  it('M/M/1 mean wait is ρ/(μ − λ)', () => {
    // λ = 6/h, 6-minute service: μ = 10/h, ρ = 0.6 → Wq = 0.6 / 4 h = 9 minutes.
    expect(meanWaitMinutes(1, { arrivalsPerHour: 6, serviceMinutes: 6 })).toBeCloseTo(9, 10);
  });

  it('a one-stop desk hour: 60 arrivals, 7.5-minute visits, 80 % within 15 minutes', () => {
    const work = { arrivalsPerHour: 60, serviceMinutes: 7.5 }; // a = 7.5 busy counters
    const needed = countersNeeded(work, 15, 0.8);
    expect(serviceLevel(needed, work, 15)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(needed - 1, work, 15)).toBeLessThan(0.8);
    expect(needed).toBeGreaterThan(7); // more than the offered load
    expect(needed).toBeLessThanOrEqual(10);
  });

  it('needs no counter with nobody expected, and more counters for a stricter target', () => {
    expect(countersNeeded({ arrivalsPerHour: 0, serviceMinutes: 7 }, 15, 0.8)).toBe(0);
    const work = { arrivalsPerHour: 40, serviceMinutes: 8 };
    expect(countersNeeded(work, 5, 0.95)).toBeGreaterThan(countersNeeded(work, 20, 0.8));
  });
});
