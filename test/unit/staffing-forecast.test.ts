import { describe, expect, it } from 'vitest';
import { arrivals, exponential, seeded } from '../../server/estimates/random';
import { playForward } from '../../server/estimates/simulate-wait';
import { countersNeeded, serviceLevel } from '../../server/forecast/erlang-c';
import { erlangCounters, mixedServiceLevel, simulatedShares, staffDay, type DayToStaff } from '../../server/forecast/staffing';

const work = { arrivalsPerHour: 60, serviceMinutes: 6 };

describe('staffing forecast', () => {
  it('mixes the service levels of the targets by their weights', () => {
    expect(mixedServiceLevel(8, work, [{ minutes: 15, weight: 1 }])).toBeCloseTo(serviceLevel(8, work, 15), 12);
    const mixed = mixedServiceLevel(8, work, [
      { minutes: 5, weight: 3 },
      { minutes: 20, weight: 1 },
    ]);
    expect(mixed).toBeCloseTo(0.75 * serviceLevel(8, work, 5) + 0.25 * serviceLevel(8, work, 20), 12);
  });

  it('asks Erlang C for the fewest counters that reach the share, within the office', () => {
    const one = [{ minutes: 10, weight: 1 }];
    expect(erlangCounters(work, one, 0.8, 20)).toBe(countersNeeded(work, 10, 0.8));
    expect(erlangCounters(work, one, 0.8, 20)).toBeGreaterThan(6); // more than the load (6 busy counters)
    expect(erlangCounters(work, one, 0.99, 7)).toBe(7);
    expect(erlangCounters({ arrivalsPerHour: 0, serviceMinutes: 6 }, one, 0.8, 7)).toBe(0);
  });

  /** Eight hours at 60 an hour, visits of 6 minutes. */
  const steady: DayToStaff = {
    hours: Array.from({ length: 8 }, (_, i) => ({ hour: 9 + i, arrivals: 60 })),
    serviceMinutes: 6,
    serviceCv: 0.7,
    targets: [{ minutes: 10, weight: 1 }],
    share: 0.8,
    maxCounters: 12,
    seed: 7,
  };

  it('Erlang C agrees with the call-next simulation for exponential visits (its assumption)', () => {
    const rng = seeded(11);
    const MIN = 60_000;
    for (const c of [7, 8]) {
      let within = 0;
      let total = 0;
      for (let run = 0; run < 20; run++) {
        // Eight hours at 60 an hour, visits of 6 minutes on average; the first hour warms up.
        const tickets = arrivals(rng, () => 60, 0, 8 * 60).map((m, i) => ({
          id: String(i).padStart(5, '0'),
          serviceId: 'all',
          score: m * MIN,
          arrivesAt: m * MIN,
          occupancy: exponential(rng, 6) * MIN,
        }));
        const desks = Array.from({ length: c }, (_, k) => ({
          id: `d${k}`,
          staffId: null,
          services: new Map([['all', 0]]),
          freeAt: 0,
          closesAt: Infinity,
        }));
        const res = playForward(desks, tickets);
        tickets.forEach((t, i) => {
          if (t.arrivesAt < 60 * MIN) return;
          total++;
          if (res.calledAt[i]! - t.arrivesAt <= 10 * MIN) within++;
        });
      }
      expect(Math.abs(within / total - serviceLevel(c, work, 10)), `${c} counters`).toBeLessThan(0.03);
    }
  });

  it('the simulated day is at least as good as Erlang C for visits less variable than exponential', () => {
    for (const c of [7, 8]) {
      const shares = simulatedShares(steady, Array(8).fill(c)).slice(2) as number[];
      const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
      expect(mean).toBeGreaterThan(serviceLevel(c, work, 10) - 0.02);
    }
  });

  it('adds counters where a busy hour spills over into the next, which Erlang C cannot see', () => {
    const day: DayToStaff = {
      hours: [
        { hour: 9, arrivals: 100 },
        { hour: 10, arrivals: 100 },
        { hour: 11, arrivals: 30 },
      ],
      serviceMinutes: 8,
      serviceCv: 0.7,
      targets: [{ minutes: 15, weight: 1 }],
      share: 0.8,
      maxCounters: 30,
      seed: 3,
    };
    const plan = staffDay(day);
    plan.needed.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(plan.erlangC[i]!));
    for (const s of plan.shares) expect(s!).toBeGreaterThanOrEqual(0.8 - 0.02);
    // The same day always gets the same answer.
    expect(staffDay(day)).toEqual(plan);
  });

  it('cannot go beyond the counters the office has', () => {
    const plan = staffDay({ ...steady, hours: [{ hour: 9, arrivals: 200 }], maxCounters: 5 });
    expect(plan.needed).toEqual([5]);
    expect(plan.shares[0]!).toBeLessThan(0.8);
  });
});
