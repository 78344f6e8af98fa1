import type { CounterEventType, Priority } from '../db/generated/enums';
import { expectedArrivals } from './arrivals';
import { PAUSE_MINUTES, RECALLED_NO_SHOW, type Distribution, type OfficeHistory, type Staffing } from './wait-model';

/**
 * What the wait estimate learns from an office's last four weeks, built from the rows that
 * office-history.ts reads (and caches):
 * - counter time per visit (call → completion) of each service, shrunk toward the service's
 *   expected minutes × the office's measured ratio when a service has few visits, with a
 *   time-of-day factor shrunk toward none by as much as it is noise (hourFactors);
 * - the no-show share and the counter time a no-show costs, and the share of recalled citizens
 *   who never came; the transfer share and the minutes before one;
 *   how often a waiting citizen gives up (per minute of waiting);
 * - walk-in arrivals by hour on the same weekday (estimates/arrivals.ts), the service and priority mix;
 * - the usual staffing of the same weekday, per counter and quarter hour, from the counters' log.
 */

/** Visits a service needs before its own spread is trusted. */
const OWN_SPREAD_SAMPLES = 30;
/** Weight (in visits) of the prior when shrinking a service's mean. */
const PRIOR_VISITS = 10;
/** Time-of-day factors stay within these bounds, however many visits measured them. */
const HOUR_FACTOR_BOUNDS = [0.75, 1.33] as const;
const DEFAULT_CV = 0.7;
/** Stretches of minutes already waited (their starts) for the chance of giving up. */
export const LEAVE_BINS = [0, 10, 20, 40, 60];
/** Minutes of waiting at the office's overall rate added to each stretch (few data stay near it). */
const LEAVE_PRIOR_MINUTES = 60;
/** Recalled tickets at RECALLED_NO_SHOW added to the office's own (a few recalls a day). */
const RECALLED_PRIOR = 10;

export interface HistoryRows {
  /** Per service and local hour of the call: visits, Σ minutes, Σ minutes². */
  visits: { serviceId: string; hour: number; n: number; sum: number; sumSq: number }[];
  noShows: { n: number; minutes: number };
  /** Tickets recalled at least once that ended (completed or no-show), and the no-shows among them. */
  recalled?: { n: number; noShows: number };
  /** Transfers to another service (not a supervisor's move) and the minutes from the call to them. */
  transfers: { n: number; minutes: number };
  /** Walk-ins who cancelled before their turn, and all walk-ins' minutes of waiting (until called or gone). */
  leaving: { n: number; minutes: number };
  /**
   * The same by minutes already waited (LEAVE_BINS): of each stretch, the cancellations in it and
   * the walk-ins' minutes spent in it. Few give up in the first minutes, more after a while.
   */
  leavingByWait?: { from: number; n: number; minutes: number }[];
  /** Walk-in tickets per local day (same weekday) and hour. */
  arrivals: { day: string; hour: number; n: number }[];
  mix: { serviceId: string; n: number }[];
  priorities: { priority: Priority; n: number }[];
  /** Expected minutes of the office's services. */
  expected: Map<string, number>;
  showUp?: number;
  /** The counters' log on the same weekday: local day and minute of day of each event. */
  counterEvents: { counterId: string; type: CounterEventType; day: string; minute: number }[];
}

/** Minutes of one staffing slot: the usual staffing is known per quarter hour. */
export const SLOT_MINUTES = 15;
const SLOTS = (24 * 60) / SLOT_MINUTES;

/**
 * From the counters' log: for each counter and quarter hour of the day, the share of past days
 * (of those the office was open) on which it was open for most of that quarter (pauses aside:
 * they are kept apart, as each day's pauses of each counter, with the mean pause length).
 */
export function buildStaffing(events: HistoryRows['counterEvents']): Staffing {
  const days = new Set(events.map((e) => e.day));
  const byCounterDay = new Map<string, HistoryRows['counterEvents']>();
  for (const e of events) {
    const key = `${e.counterId}|${e.day}`;
    const list = byCounterDay.get(key) ?? [];
    list.push(e);
    byCounterDay.set(key, list);
  }
  const counts = new Map<string, Float32Array>();
  const pausesOf = new Map<string, { start: number; minutes: number }[][]>();
  let pauseTotal = 0;
  let pauseCount = 0;
  for (const [key, list] of byCounterDay) {
    const counterId = key.split('|')[0]!;
    list.sort((a, b) => a.minute - b.minute);
    const covered = new Float32Array(SLOTS);
    const dayPauses: { start: number; minutes: number }[] = [];
    let from: number | null = null;
    let pausedAt: number | null = null;
    const close = (to: number) => {
      if (from === null) return;
      for (let slot = Math.floor(from / SLOT_MINUTES); slot < SLOTS && slot * SLOT_MINUTES < to; slot++) {
        const start = slot * SLOT_MINUTES;
        covered[slot]! += Math.max(0, Math.min(to, start + SLOT_MINUTES) - Math.max(from, start));
      }
      from = null;
    };
    for (const e of list) {
      if (e.type === 'opened') {
        if (from === null) from = e.minute;
      } else if (e.type === 'closed') {
        close(e.minute);
      } else if (e.type === 'paused') {
        pausedAt = e.minute;
      } else if (pausedAt !== null) {
        dayPauses.push({ start: pausedAt, minutes: e.minute - pausedAt });
        pauseTotal += e.minute - pausedAt;
        pauseCount++;
        pausedAt = null;
      }
    }
    close(24 * 60);
    const c = counts.get(counterId) ?? new Float32Array(SLOTS);
    for (let slot = 0; slot < SLOTS; slot++) if (covered[slot]! >= SLOT_MINUTES / 2) c[slot]! += 1;
    counts.set(counterId, c);
    pausesOf.set(counterId, [...(pausesOf.get(counterId) ?? []), dayPauses]);
  }
  const n = days.size;
  for (const c of counts.values()) for (let slot = 0; slot < SLOTS; slot++) c[slot]! /= n;
  return {
    days: n,
    working: (counterId, minuteOfDay) => {
      const c = counts.get(counterId);
      if (!c || n === 0) return undefined;
      return c[Math.floor(minuteOfDay / SLOT_MINUTES) % SLOTS]!;
    },
    pauses: (counterId) => pausesOf.get(counterId) ?? [],
    pauseMinutes: pauseCount > 0 ? pauseTotal / pauseCount : PAUSE_MINUTES,
  };
}

/** One local hour's visits: how many, their minutes, and the minutes (and squares) their services' means expected. */
interface HourVisits {
  n: number;
  sum: number;
  expected: number;
  expectedSq: number;
}

/**
 * Each hour's factor on visit lengths (its minutes ÷ what its services' means expected), shrunk
 * toward none by as much as the hours' spread is noise (empirical Bayes). An hour's factor from n
 * visits whose lengths vary by `cv` is only known to about cv ÷ √n (±4 % from 200 visits); the
 * spread of the measured factors beyond that noise is what the hours really differ by (τ²), and
 * each factor keeps τ² ÷ (τ² + its noise's variance) of its distance from 1. An office whose afternoons run
 * 20 % longer keeps nearly all of it; one whose hours differ only by chance gets no factor: a fixed
 * weight of 400 visits kept 40–60 % of the noise, which lengthened or shortened every visit of the
 * hour in every run (`npm run sim`: the simulator's days have no time-of-day effect).
 */
export function hourFactors(hours: ReadonlyMap<number, HourVisits>, cv: number): Map<number, number> {
  const measured = [...hours]
    .filter(([, h]) => h.n > 0 && h.expected > 0)
    .map(([hour, h]) => ({
      hour,
      n: h.n,
      f: h.sum / h.expected,
      noiseVar: (cv * cv * h.expectedSq) / (h.expected * h.expected),
    }));
  const visits = measured.reduce((n, m) => n + m.n, 0);
  if (measured.length < 2) return new Map();
  // What the squared distances from 1 hold beyond each factor's noise, weighed by the visits behind it.
  const tau2 = Math.max(0, measured.reduce((t, m) => t + m.n * ((m.f - 1) ** 2 - m.noiseVar), 0) / visits);
  const [low, high] = HOUR_FACTOR_BOUNDS;
  return new Map(measured.map((m) => [m.hour, Math.min(high, Math.max(low, 1 + ((m.f - 1) * tau2) / (tau2 + m.noiseVar)))]));
}

/** The office's history as the estimate needs it: a pure function of the rows (unit-tested). */
export function buildHistory(rows: HistoryRows): OfficeHistory {
  const byService = new Map<string, { n: number; sum: number; sumSq: number }>();
  const byHour = new Map<number, HourVisits>();
  for (const r of rows.visits) {
    const s = byService.get(r.serviceId) ?? { n: 0, sum: 0, sumSq: 0 };
    s.n += r.n;
    s.sum += r.sum;
    s.sumSq += r.sumSq;
    byService.set(r.serviceId, s);
  }
  // The office's visits against what its services were expected to take.
  let total = 0;
  let expectedTotal = 0;
  for (const [id, s] of byService) {
    const e = rows.expected.get(id);
    if (e === undefined) continue;
    total += s.sum;
    expectedTotal += s.n * e;
  }
  const ratio = expectedTotal > 0 && total > 0 ? total / expectedTotal : 1;
  const means = new Map<string, number>();
  let relVar = 0;
  let relN = 0;
  for (const [id, s] of byService) {
    const prior = (rows.expected.get(id) ?? s.sum / s.n) * ratio;
    means.set(id, (s.sum + PRIOR_VISITS * prior) / (s.n + PRIOR_VISITS));
    if (s.n >= 5) {
      const m = s.sum / s.n;
      relVar += ((s.sumSq / s.n - m * m) / (m * m)) * s.n;
      relN += s.n;
    }
  }
  const pooledCv = relN > 0 ? Math.sqrt(Math.max(0, relVar / relN)) : DEFAULT_CV;
  for (const r of rows.visits) {
    const m = means.get(r.serviceId);
    if (!m) continue;
    const h = byHour.get(r.hour) ?? { n: 0, sum: 0, expected: 0, expectedSq: 0 };
    h.n += r.n;
    h.sum += r.sum;
    h.expected += r.n * m;
    h.expectedSq += r.n * m * m;
    byHour.set(r.hour, h);
  }
  const factors = hourFactors(byHour, pooledCv);
  const hourFactor = (hour: number) => factors.get(hour) ?? 1;
  const occupancy = (serviceId: string, hour: number): Distribution => {
    const s = byService.get(serviceId);
    const mean = means.get(serviceId) ?? (rows.expected.get(serviceId) ?? 10) * ratio;
    let cv = pooledCv;
    if (s && s.n >= OWN_SPREAD_SAMPLES) {
      const m = s.sum / s.n;
      cv = Math.sqrt(Math.max(0, s.sumSq / s.n - m * m)) / m;
    }
    return { mean: mean * hourFactor(hour), cv };
  };

  const served = [...byService.values()].reduce((n, s) => n + s.n, 0);
  const called = served + rows.noShows.n;
  const walkInDays = new Map<string, Map<number, number>>();
  for (const a of rows.arrivals) {
    const day = walkInDays.get(a.day) ?? new Map<number, number>();
    day.set(a.hour, a.n);
    walkInDays.set(a.day, day);
  }
  const leavePerMinute = rows.leaving.minutes > 0 ? rows.leaving.n / rows.leaving.minutes : 0;
  const forecast = expectedArrivals({ walkInDays: [...walkInDays.values()] }, new Map());
  const perHour = new Map(forecast.map((f) => [f.hour, f.walkIns]));
  return {
    occupancy,
    noShow: { rate: called > 0 ? rows.noShows.n / called : 0, minutes: rows.noShows.minutes || 2 },
    recalledNoShow: rows.recalled
      ? (rows.recalled.noShows + RECALLED_PRIOR * RECALLED_NO_SHOW) / (rows.recalled.n + RECALLED_PRIOR)
      : undefined,
    transfer: { rate: served > 0 ? rows.transfers.n / (served + rows.transfers.n) : 0, minutes: rows.transfers.minutes || 3 },
    leavePerMinute,
    leaveByWait: rows.leavingByWait?.length
      ? LEAVE_BINS.map((from) => {
          const b = rows.leavingByWait!.find((x) => x.from === from) ?? { n: 0, minutes: 0 };
          return { from, perMinute: (b.n + leavePerMinute * LEAVE_PRIOR_MINUTES) / (b.minutes + LEAVE_PRIOR_MINUTES) };
        })
      : undefined,
    walkInsPerHour: (hour) => perHour.get(hour) ?? 0,
    serviceMix: rows.mix.filter((m) => m.n > 0).map((m) => ({ item: m.serviceId, weight: m.n })),
    priorityMix: rows.priorities.length
      ? rows.priorities.map((p) => ({ item: p.priority, weight: p.n }))
      : [{ item: 'none', weight: 1 }],
    showUp: rows.showUp ?? 0.85,
    staffing: buildStaffing(rows.counterEvents),
  };
}
