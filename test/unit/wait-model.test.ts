import { describe, expect, it } from 'vitest';
import { calibrationFor, spreadFor, type ErrorSample } from '../../server/estimates/calibration';
import { buildHistory, buildStaffing, hourFactors, type HistoryRows } from '../../server/estimates/history';
import { localMinutes } from '../../server/estimates/local-minutes';
import { lognormal, lognormalAbove, normalCdf, normalQuantile, seeded } from '../../server/estimates/random';
import {
  dayScale,
  DEFAULT_SPREAD,
  drawLeaving,
  drawRemaining,
  estimateWaits,
  estimateWaitsInSlices,
  newcomerEstimate,
  rangeOf,
  RECALLED_NO_SHOW,
  RUNS,
  runsFor,
  type LiveCounter,
  type OfficeHistory,
  type Staffing,
  type WaitState,
} from '../../server/estimates/wait-model';

const MIN = 60_000;
/** 10:00 local on a day whose midnight is at 0. */
const NOW = 600 * MIN;

const noStaffing: Staffing = { days: 0, working: () => undefined, pauses: () => [], pauseMinutes: 10 };

function history(over: Partial<OfficeHistory> = {}): OfficeHistory {
  return {
    occupancy: () => ({ mean: 5, cv: 0 }),
    noShow: { rate: 0, minutes: 2 },
    transfer: { rate: 0, minutes: 3 },
    leavePerMinute: 0,
    walkInsPerHour: () => 0,
    serviceMix: [{ item: 'A', weight: 1 }],
    priorityMix: [{ item: 'none', weight: 1 }],
    showUp: 1,
    staffing: noStaffing,
    ...over,
  };
}

const counter = (id: string, extra: Partial<LiveCounter> = {}): LiveCounter => ({
  id,
  staffId: `staff-${id}`,
  services: new Map([['A', 0]]),
  paused: false,
  pausedAt: null,
  busy: null,
  ...extra,
});

const waiting = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    serviceId: 'A',
    priority: 'none' as const,
    queuedAt: NOW - (n - i) * MIN,
    targetCounterId: null,
    targetStaffId: null,
  }));

function state(over: Partial<WaitState> = {}): WaitState {
  return {
    now: NOW,
    minuteOf: (ms) => ms / MIN,
    counters: [counter('c1')],
    closedCounters: [],
    pausedToday: new Map(),
    waiting: waiting(3),
    appointments: [],
    walkInUntil: NOW + 3 * 60 * MIN,
    walkInsToday: 0,
    probes: ['A'],
    history: history(),
    ...over,
  };
}

const minutes = (s: WaitState) => {
  const r = estimateWaits(s);
  return { tickets: [...r.tickets.values()].map((e) => e.minutes), probe: r.services.get('A')?.minutes };
};

describe('wait estimate: the office played forward', () => {
  it('one idle counter and fixed visits: each ticket after the ones ahead, a newcomer after all', () => {
    expect(minutes(state())).toEqual({ tickets: [0, 5, 10], probe: 15 });
  });

  it('a newcomer with a priority or a booked slot gets its own estimate until the office is computed again', () => {
    // One walk-in taken a minute ago, an appointment booked for 10:08; fixed 5-minute visits at one counter.
    const w = estimateWaits(
      state({ waiting: waiting(1), appointments: [{ serviceId: 'A', startsAt: NOW + 8 * MIN }], checkInsUntil: NOW + 30 * MIN }),
    );
    const newcomer = (priority: 'none' | 'elderly' | 'disability' | 'appointment', queuedAt = NOW) =>
      newcomerEstimate(w, { serviceId: 'A', priority, queuedAt })?.minutes;
    // Plain: after the walk-in, at 10:05.
    expect(newcomer('none')).toBe(5);
    // 10 or 15 minutes' head start: ahead of the walk-in (ranked 9:59), called at once.
    expect(newcomer('elderly')).toBe(0);
    expect(newcomer('disability')).toBe(0);
    // Checking in now for the 10:08 slot: callable from the booked time, the counter free by then.
    expect(newcomer('appointment', NOW + 8 * MIN)).toBe(8);
    // A slot that was not estimated: the plain newcomer's figure.
    expect(newcomer('appointment', NOW + 45 * MIN)).toBe(5);
  });

  it('a visit in progress ends when its usual length is reached; two counters share the line', () => {
    const busy = counter('c1', { busy: { serviceId: 'A', calledAt: NOW - 2 * MIN } });
    expect(minutes(state({ counters: [busy] }))).toEqual({ tickets: [3, 8, 13], probe: 18 });
    expect(minutes(state({ counters: [busy, counter('c2')] }))).toEqual({ tickets: [0, 3, 5], probe: 8 });
  });

  it('a recalled citizen who has not come yet frees the counter soon, as often as recalled citizens never come', () => {
    // Called 1 minute ago and recalled: no-shows are declared 2 minutes after the call. Fixed
    // 5-minute visits: taken as a visit under way, the counter was busy for 4 more minutes.
    const recalled = counter('c1', { busy: { serviceId: 'A', calledAt: NOW - MIN, recalled: true } });
    const noShows = (p: number) => history({ noShow: { rate: 0.05, minutes: 2 }, recalledNoShow: p });
    expect(minutes(state({ counters: [recalled], history: noShows(1) }))).toEqual({ tickets: [1, 6, 11], probe: 16 });
    // Recalled citizens who always come: a visit under way, as before.
    expect(minutes(state({ counters: [recalled], history: noShows(0) }))).toEqual({ tickets: [4, 9, 14], probe: 19 });
    // Three in four never come: the first in line waits 1 minute in most runs, 4 in the others.
    const mixed = estimateWaits(state({ counters: [recalled], history: noShows(0.75) })).tickets.get('t0')!;
    expect(mixed.p10).toBeCloseTo(1, 5);
    expect(mixed.p90).toBeCloseTo(4, 5);
    // Not recalled (the citizen may be walking up, or the clerk did not press start): a visit under way.
    const called = counter('c1', { busy: { serviceId: 'A', calledAt: NOW - MIN } });
    expect(minutes(state({ counters: [called], history: noShows(1) })).tickets).toEqual([4, 9, 14]);
    // Past the usual no-show minutes: half a minute more. Still not declared a no-show twice as
    // long after the call: the citizen came and the clerk did not press start; what is left of the visit.
    const first = (calledMinutesAgo: number) =>
      estimateWaits(
        state({
          counters: [counter('c1', { busy: { serviceId: 'A', calledAt: NOW - calledMinutesAgo * MIN, recalled: true } })],
          history: noShows(1),
        }),
      ).tickets.get('t0')!.p50;
    expect(first(3)).toBeCloseTo(0.5, 5);
    expect(first(3.5)).toBeCloseTo(0.5, 5);
    expect(first(4.2)).toBeCloseTo(0.8, 5);
  });

  it('a visit that has lasted far longer than usual is expected to go on, the longer the longer', () => {
    const rng = seeded(1);
    const d = { mean: 10, cv: 0.6 };
    const meanLeft = (elapsedMin: number) => {
      let sum = 0;
      for (let i = 0; i < 4000; i++) sum += drawRemaining(rng, d, elapsedMin * MIN);
      return sum / 4000 / MIN;
    };
    // Just begun: about a whole visit left. Three times the usual length behind it: still minutes
    // to go (no longer a quarter of the mean as if it had to end now), and more after six times.
    expect(meanLeft(0)).toBeGreaterThan(9);
    expect(meanLeft(0)).toBeLessThan(11);
    const long = meanLeft(30);
    expect(long).toBeGreaterThan(6);
    expect(meanLeft(60)).toBeGreaterThan(long);
    // Fixed visits (cv 0): what is left of the usual length.
    expect(drawRemaining(rng, { mean: 10, cv: 0 }, 4 * MIN)).toBe(6 * MIN);
  });

  it('a newcomer behind a visit far longer than usual waits for what is likely left of it', () => {
    const at = (elapsed: number) => counter('c1', { busy: { serviceId: 'A', calledAt: NOW - elapsed * MIN } });
    const h = history({ occupancy: () => ({ mean: 5, cv: 0.6 }) });
    const probe = (elapsed: number) =>
      estimateWaits(state({ counters: [at(elapsed)], waiting: [], history: h })).services.get('A')!.p50;
    // 25 minutes into a visit that usually takes 5: a few minutes more (not a quarter of the
    // usual visit, as if it had to end now), and more than 12 minutes in.
    expect(probe(25)).toBeGreaterThan(2);
    expect(probe(25)).toBeGreaterThan(probe(12));
  });

  it('a paused clerk comes back after the usual pause', () => {
    const paused = counter('c1', { paused: true, pausedAt: NOW - 4 * MIN });
    const s = state({ counters: [paused], history: history({ staffing: { ...noStaffing, pauseMinutes: 15 } }) });
    expect(minutes(s)).toEqual({ tickets: [11, 16, 21], probe: 26 });
  });

  it('citizens give up by the measured chance per minute for the minutes they have already waited', () => {
    const rng = seeded(3);
    // Nobody gives up in the first 10 minutes, then 1 in 20 per minute.
    const h = {
      leavePerMinute: 0.01,
      leaveByWait: [
        { from: 0, perMinute: 0 },
        { from: 10, perMinute: 0.05 },
      ],
    };
    const draws = (waited: number) => Array.from({ length: 4000 }, () => drawLeaving(rng, h, NOW, waited));
    const fresh = draws(0);
    expect(fresh.every((t) => t !== undefined && t >= NOW + 10 * MIN)).toBe(true);
    const mean = (xs: (number | undefined)[]) => xs.reduce<number>((s, x) => s + (x! - NOW) / MIN, 0) / xs.length;
    expect(mean(fresh)).toBeCloseTo(30, 0);
    // Already 25 minutes in line: from now on, 1 in 20 per minute (memoryless).
    expect(mean(draws(25))).toBeCloseTo(20, 0);
    // Only the overall rate known: it applies from the first minute; none measured: nobody leaves.
    expect(mean(Array.from({ length: 4000 }, () => drawLeaving(rng, { leavePerMinute: 0.1 }, NOW, 0)))).toBeCloseTo(10, 0);
    // …memoryless too: 25 minutes already waited change nothing of what is still to come.
    expect(mean(Array.from({ length: 4000 }, () => drawLeaving(rng, { leavePerMinute: 0.1 }, NOW, 25)))).toBeCloseTo(10, 0);
    expect(drawLeaving(rng, { leavePerMinute: 0 }, NOW, 5)).toBeUndefined();
  });

  it('a service no open counter serves has no estimate', () => {
    const r = estimateWaits(state({ counters: [counter('c1', { services: new Map([['B', 0]]) })] }));
    expect(r.tickets.size).toBe(0);
    expect(r.services.has('A')).toBe(false);
  });

  it('latecomers with a priority head start get ahead of a newcomer', () => {
    const calm = minutes(state({ waiting: waiting(6) })).probe!;
    const busy = minutes(
      state({
        waiting: waiting(6),
        history: history({ walkInsPerHour: () => 60, priorityMix: [{ item: 'disability', weight: 1 }] }),
      }),
    ).probe!;
    expect(calm).toBe(30);
    // A disability ticket arriving within the next 15 minutes ranks ahead: about one a minute arrive.
    expect(busy).toBeGreaterThan(50);
  });

  it('expects more latecomers on a day busier than usual so far', () => {
    // 40 walk-ins an hour from 8:00: 80 usually by 10:00.
    const h = history({ walkInsPerHour: (hour) => (hour >= 8 ? 40 : 0) });
    expect(dayScale({ now: NOW, minuteOf: (ms) => ms / MIN, walkInsToday: 80, history: h })).toBe(1);
    expect(dayScale({ now: NOW, minuteOf: (ms) => ms / MIN, walkInsToday: 130, history: h })).toBe(1.5);
    expect(dayScale({ now: NOW, minuteOf: (ms) => ms / MIN, walkInsToday: 1000, history: h })).toBe(2);
    // Before 8:30 too few are expected to judge.
    expect(dayScale({ now: 8 * 60 * MIN, minuteOf: (ms) => ms / MIN, walkInsToday: 50, history: h })).toBe(1);
    const busy = history({ walkInsPerHour: (hour) => (hour >= 8 ? 40 : 0), priorityMix: [{ item: 'elderly', weight: 1 }] });
    const usual = minutes(state({ waiting: waiting(6), walkInsToday: 80, history: busy })).probe!;
    const busier = minutes(state({ waiting: waiting(6), walkInsToday: 160, history: busy })).probe!;
    expect(busier).toBeGreaterThan(usual);
  });

  it('appointments booked for later rank by their time', () => {
    const s = state({ waiting: [], appointments: [{ serviceId: 'A', startsAt: NOW + 2 * MIN }] });
    // The newcomer is called at once (the slot is later), the appointment at its time.
    expect(minutes(s).probe).toBe(0);
    const later = state({ now: NOW + 3 * MIN, waiting: [], appointments: [{ serviceId: 'A', startsAt: NOW + 2 * MIN }] });
    expect(minutes(later).probe).toBe(5);
  });

  it('the range widens with the spread of visits and with the measured spread; the same queue gives the same answer', () => {
    const spread = (cv: number, k = DEFAULT_SPREAD) =>
      estimateWaits(state({ waiting: waiting(6), history: history({ occupancy: () => ({ mean: 5, cv }) }) }), {
        spread: k,
      }).services.get('A')!;
    const narrow = spread(0.2);
    const wide = spread(0.9);
    for (const e of [narrow, wide]) {
      expect(e.low).toBeLessThanOrEqual(e.minutes);
      expect(e.high).toBeGreaterThanOrEqual(e.minutes);
    }
    expect(narrow.minutes).toBeGreaterThanOrEqual(28);
    expect(narrow.minutes).toBeLessThanOrEqual(32);
    expect(wide.high - wide.low).toBeGreaterThan(2 * (narrow.high - narrow.low));
    expect(spread(0.9, 2).high - spread(0.9, 2).low).toBeGreaterThan(wide.high - wide.low);
    expect(spread(0.9)).toEqual(wide);
  });

  it('follows the usual staffing: a counter that usually closes soon, one that usually opens', () => {
    // c2 is open until 10:30 on usual days; c3 opens at 10:15.
    const working = (id: string, minute: number) =>
      id === 'c1' ? 1 : id === 'c2' ? (minute < 630 ? 1 : 0) : id === 'c3' ? (minute >= 615 ? 1 : 0) : undefined;
    const staffing: Staffing = { days: 4, working, pauses: () => [], pauseMinutes: 10 };
    const base = { waiting: waiting(20), history: history({ staffing }) };
    const both = minutes(state({ ...base, counters: [counter('c1'), counter('c2')] })).probe!;
    const withoutPlan = minutes(state({ waiting: waiting(20), counters: [counter('c1'), counter('c2')] })).probe!;
    expect(withoutPlan).toBe(50);
    // c2 leaves at 10:30 (12 served by then), c1 alone takes the other 8: 30 + 40.
    expect(both).toBe(70);
    const opening = minutes(state({ ...base, counters: [counter('c1')], closedCounters: ['c3'] })).probe!;
    const alone = minutes(state({ waiting: waiting(20), counters: [counter('c1')] })).probe!;
    expect(alone).toBe(100);
    // c3 opens at 10:15 (3 served by then): 17 left for two counters, the last at 10:55 with the newcomer.
    expect(opening).toBe(55);
  });

  it("takes the counter's usual pauses into account, unless it already took them today", () => {
    // c1 usually pauses at 10:10 for 15 minutes.
    const staffing: Staffing = { days: 4, working: () => 1, pauses: () => [[{ start: 610, minutes: 15 }]], pauseMinutes: 15 };
    const base = { waiting: waiting(6), history: history({ staffing }) };
    expect(minutes(state({ waiting: waiting(6) })).probe).toBe(30);
    // Six visits of 5 minutes: the pause falls after the second (10:10–10:25).
    expect(minutes(state(base)).probe).toBe(45);
    expect(minutes(state({ ...base, pausedToday: new Map([['c1', 1]]) })).probe).toBe(30);
  });
});

describe('the range width from measured errors', () => {
  const sample = (p50: number, actual: number): ErrorSample => ({ p10: p50 - 2, p50, p90: p50 + 2, actual });

  it('is the default until enough real waits are known', () => {
    expect(spreadFor([sample(10, 10)])).toBe(DEFAULT_SPREAD);
  });

  it('is the smallest factor that holds the target share of real waits', () => {
    // Real waits 3 minutes off the median, quantiles ±2: 1.5.
    const samples = Array.from({ length: 40 }, (_, i) => sample(10, i % 2 ? 13 : 7));
    expect(spreadFor(samples)).toBe(1.5);
    // Half of them 6 minutes off: 85 % needs the factor that reaches them too.
    const wide = Array.from({ length: 40 }, (_, i) => sample(10, i % 2 ? 16 : 10));
    expect(spreadFor(wide)).toBe(3);
    expect(rangeOf(8, 10, 12, 1.5)).toEqual({ low: 7, high: 13 });
  });

  it('is measured on the unrounded range, so short waits do not narrow it for long ones', () => {
    // A median of 2 minutes, quantiles 1 and 4, real wait 4: shown rounded outward, 0.55 would
    // already reach it (2 + 0.55 × 2 = 3.1, shown as 4); the model's own range needs 1.
    const short = Array.from({ length: 40 }, () => ({ p10: 1, p50: 2, p90: 4, actual: 4 }));
    expect(spreadFor(short)).toBe(1);
    expect(rangeOf(1, 2, 4, 0.55).high).toBe(4);
  });

  it('leaves the centre alone: only the width comes from the measured errors', () => {
    // Real waits 2 minutes longer than the median (quantiles ±2): the range, still centred on 10,
    // must reach 12 — the whole upper spread.
    const samples = Array.from({ length: 40 }, () => sample(10, 12));
    // Too few to say: the default width.
    expect(calibrationFor(samples.slice(0, 10))).toEqual({ spread: DEFAULT_SPREAD });
    expect(calibrationFor(samples)).toEqual({ spread: 1 });
  });
});

describe("an office's history", () => {
  const rows = (over: Partial<HistoryRows> = {}): HistoryRows => ({
    visits: [],
    noShows: { n: 0, minutes: 2 },
    transfers: { n: 0, minutes: 3 },
    leaving: { n: 0, minutes: 0 },
    arrivals: [],
    mix: [],
    priorities: [],
    expected: new Map([
      ['A', 10],
      ['B', 4],
    ]),
    counterEvents: [],
    ...over,
  });

  it('shrinks a service with few visits toward its expected minutes times the office ratio', () => {
    // The office takes 1.5× the expected minutes (A: 100 visits of 15 min); B has 2 visits of 12.
    const h = buildHistory(
      rows({
        visits: [
          { serviceId: 'A', hour: 10, n: 100, sum: 1500, sumSq: 100 * 15 * 15 * 1.25 },
          { serviceId: 'B', hour: 10, n: 2, sum: 24, sumSq: 288 },
        ],
      }),
    );
    // The office's ratio: all minutes over the expected ones.
    const ratio = 1524 / 1008;
    // (At 9:00, an hour without visits: no time-of-day factor.)
    expect(h.occupancy('A', 9).mean).toBeCloseTo((1500 + 10 * 10 * ratio) / 110, 5);
    // B: prior 4 × ratio ≈ 6.05, weight 10 against 2 visits of 12.
    expect(h.occupancy('B', 9).mean).toBeCloseTo((24 + 10 * 4 * ratio) / 12, 5);
    // A's own spread (100 visits): cv 0.5.
    expect(h.occupancy('A', 10).cv).toBeCloseTo(0.5, 5);
  });

  it('keeps a time-of-day effect that stands out of the noise, nearly as measured', () => {
    // A: 400 visits of 10 min at 9:00, 400 of 15 min at 10:00 (a spread of 0.2 within the service).
    const h = buildHistory(
      rows({
        visits: [
          { serviceId: 'A', hour: 9, n: 400, sum: 4000, sumSq: 400 * 100 },
          { serviceId: 'A', hour: 10, n: 400, sum: 6000, sumSq: 400 * 225 },
        ],
      }),
    );
    const mean = h.occupancy('A', 8).mean; // no visits at 8:00: no factor
    // Measured 15 ÷ mean and 10 ÷ mean, each known to ±1 %: kept within a hundredth.
    expect(h.occupancy('A', 10).mean / mean).toBeGreaterThan(0.99 * (15 / mean));
    expect(h.occupancy('A', 10).mean / mean).toBeLessThan(15 / mean);
    expect(h.occupancy('A', 9).mean / mean).toBeLessThan(1.01 * (10 / mean));
    expect(h.occupancy('A', 9).mean / mean).toBeGreaterThan(10 / mean);
  });

  it('takes hours that differ only by chance for no time-of-day effect', () => {
    // Four hours of 200 visits, spread 0.6 (each factor known to about ±4 %), 3 % apart.
    const hour = (f: number) => ({ n: 200, sum: 200 * 10 * f, expected: 2000, expectedSq: 200 * 100 });
    const factors = hourFactors(new Map([9, 10, 11, 12].map((h, i) => [h, hour([1.03, 0.97, 1.02, 0.98][i]!)])), 0.6);
    for (const f of factors.values()) expect(f).toBe(1);
  });

  it('shrinks an hour measured on few visits more than one measured on many, for the same effect', () => {
    // Afternoons 20 % longer: 400 visits at 15:00, 40 at 16:00; mornings as expected.
    const factors = hourFactors(
      new Map([
        [9, { n: 400, sum: 4000, expected: 4000, expectedSq: 400 * 100 }],
        [15, { n: 400, sum: 4800, expected: 4000, expectedSq: 400 * 100 }],
        [16, { n: 40, sum: 480, expected: 400, expectedSq: 40 * 100 }],
      ]),
      0.6,
    );
    expect(factors.get(15)!).toBeGreaterThan(1.19);
    expect(factors.get(16)!).toBeGreaterThan(1.1);
    expect(factors.get(16)!).toBeLessThan(factors.get(15)!);
    // Bounded however it was measured.
    const wild = hourFactors(
      new Map([
        [9, { n: 400, sum: 4000, expected: 4000, expectedSq: 400 * 100 }],
        [10, { n: 400, sum: 12000, expected: 4000, expectedSq: 400 * 100 }],
      ]),
      0.6,
    );
    expect(wild.get(10)).toBe(1.33);
  });

  it('learns how often citizens give up by the minutes already waited, near the overall rate where little is known', () => {
    const h = buildHistory(
      rows({
        leaving: { n: 20, minutes: 10_000 },
        leavingByWait: [
          { from: 0, n: 0, minutes: 5000 },
          { from: 10, n: 15, minutes: 3000 },
          { from: 20, n: 5, minutes: 2000 },
        ],
      }),
    );
    expect(h.leavePerMinute).toBeCloseTo(0.002, 6);
    const rate = (from: number) => h.leaveByWait!.find((b) => b.from === from)!.perMinute;
    expect(rate(0)).toBeCloseTo((0 + 0.002 * 60) / 5060, 6);
    expect(rate(10)).toBeCloseTo((15 + 0.002 * 60) / 3060, 6);
    expect(rate(10)).toBeGreaterThan(rate(0) * 10);
    // A stretch without data: the overall rate.
    expect(rate(60)).toBeCloseTo(0.002, 6);
    expect(buildHistory(rows()).leaveByWait).toBeUndefined();
  });

  it('counts no-shows and arrivals of the same weekday', () => {
    const h = buildHistory(
      rows({
        visits: [{ serviceId: 'A', hour: 9, n: 90, sum: 900, sumSq: 9000 }],
        noShows: { n: 10, minutes: 2.5 },
        arrivals: [
          { day: '2026-03-03', hour: 9, n: 30 },
          { day: '2026-02-24', hour: 9, n: 50 },
          { day: '2026-02-24', hour: 10, n: 20 },
        ],
      }),
    );
    expect(h.noShow).toEqual({ rate: 0.1, minutes: 2.5 });
    // Recalled citizens who never came: none measured, the prior; 30 of 40, shrunk toward it by 10.
    expect(h.recalledNoShow).toBeUndefined();
    expect(buildHistory(rows({ recalled: { n: 0, noShows: 0 } })).recalledNoShow).toBe(RECALLED_NO_SHOW);
    expect(buildHistory(rows({ recalled: { n: 40, noShows: 30 } })).recalledNoShow).toBeCloseTo((30 + 10 * 0.5) / 50, 6);
    expect(h.walkInsPerHour(9)).toBe(40);
    expect(h.walkInsPerHour(10)).toBe(10);
    expect(h.walkInsPerHour(15)).toBe(0);
  });

  it('learns when each counter is usually staffed, and how long a pause lasts', () => {
    const day = (d: string, c: string, events: [string, number][]) =>
      events.map(([type, minute]) => ({ counterId: c, day: d, type: type as 'opened', minute }));
    const s = buildStaffing([
      ...day('2026-03-03', 'c1', [
        ['opened', 510],
        ['paused', 600],
        ['resumed', 615],
        ['closed', 780],
      ]),
      ...day('2026-02-24', 'c1', [
        ['opened', 510],
        ['paused', 600],
        ['resumed', 620],
        ['closed', 780],
      ]),
      ...day('2026-02-24', 'c2', [
        ['opened', 570],
        ['closed', 750],
      ]),
    ]);
    expect(s.days).toBe(2);
    expect(s.working('c1', 515)).toBe(1);
    // Pauses are kept apart: the counter counts as open through them.
    expect(s.working('c1', 605)).toBe(1);
    expect(s.pauses('c1')).toEqual([[{ start: 600, minutes: 15 }], [{ start: 600, minutes: 20 }]]);
    expect(s.pauses('c2')).toEqual([[]]);
    expect(s.working('c1', 800)).toBe(0);
    expect(s.working('c2', 600)).toBe(0.5);
    expect(s.working('c3', 600)).toBeUndefined();
    expect(s.pauseMinutes).toBe(17.5);
  });
});

describe('seeded draws', () => {
  it('the normal distribution and its inverse agree; a duration drawn above a point matches rejection sampling', () => {
    for (const p of [0.001, 0.02, 0.3, 0.5, 0.9, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    const rng = seeded(7);
    for (const above of [15, 30]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += lognormalAbove(rng, 15, 0.6, above);
      let kept = 0;
      let keptSum = 0;
      for (let i = 0; i < 400_000; i++) {
        const x = lognormal(rng, 15, 0.6);
        if (x > above) {
          kept++;
          keptSum += x;
        }
      }
      expect(sum / 20_000).toBeCloseTo(keptSum / kept, 0);
      expect(lognormalAbove(rng, 15, 0.6, above)).toBeGreaterThanOrEqual(above);
    }
  });
});

describe('local minutes of the day', () => {
  it('follows the time zone across the daylight-saving change', () => {
    const rome = localMinutes('Europe/Rome');
    expect(rome(Date.parse('2026-03-10T08:30:00Z'))).toBe(9 * 60 + 30);
    expect(rome(Date.parse('2026-03-29T08:30:00Z'))).toBe(10 * 60 + 30);
    expect(rome(Date.parse('2026-03-29T00:15:00Z'))).toBe(60 + 15);
  });
});

describe('the estimate in slices', () => {
  it('gives the same figures as in one go, and lets the event loop through between runs', async () => {
    const s = state({
      counters: [counter('c1'), counter('c2', { busy: { serviceId: 'A', calledAt: NOW - 2 * MIN } })],
      waiting: waiting(40),
      history: history({ occupancy: () => ({ mean: 6, cv: 0.8 }) }),
    });
    let turns = 0;
    const turn = () => {
      turns++;
      if (!done) setImmediate(turn);
    };
    let done = false;
    setImmediate(turn);
    // A slice of 0 ms: a turn of the event loop after every run.
    const sliced = await estimateWaitsInSlices(s, undefined, { runs: 30, sliceMs: 0 });
    done = true;
    expect(sliced).toEqual(estimateWaits(s, undefined, 30));
    expect(turns).toBeGreaterThanOrEqual(29);
  });

  it('summarises hundreds of waiting citizens over several slices too', async () => {
    const s = state({ counters: [counter('c1'), counter('c2')], waiting: waiting(200) });
    let slices = 0;
    const sliced = await estimateWaitsInSlices(s, undefined, {
      runs: 2,
      sliceMs: 0,
      between: async () => void slices++,
    });
    expect(sliced).toEqual(estimateWaits(s, undefined, 2));
    // Two runs, then 200 summaries 16 at a time: one slice for all of them held the loop 15–30 ms.
    expect(slices).toBeGreaterThanOrEqual(2 + 12);
  });
});

describe('the estimate of a very long queue', () => {
  it('plays fewer runs beyond 400 waiting, and its figures stay those of all the runs', () => {
    expect(runsFor(40)).toBe(RUNS);
    expect(runsFor(400)).toBe(RUNS);
    expect(runsFor(800)).toBe(RUNS / 2);
    expect(runsFor(100_000)).toBe(30);
    const s = state({
      counters: Array.from({ length: 10 }, (_, i) => counter(`c${i}`)),
      waiting: waiting(1600),
      history: history({ occupancy: () => ({ mean: 6, cv: 0.8 }) }),
    });
    const few = estimateWaits(s);
    const all = estimateWaits(s, undefined, RUNS);
    // The ticket at the head, one a third of the way, the last one and a newcomer: within 3 % (or a minute).
    for (const id of ['t0', 't500', 't1599']) {
      const [a, b] = [few.tickets.get(id)!.minutes, all.tickets.get(id)!.minutes];
      expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(1, 0.03 * b));
    }
    const [a, b] = [few.services.get('A')!.minutes, all.services.get('A')!.minutes];
    expect(b).toBeGreaterThan(900);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(0.03 * b);
  });
});
