import type { Priority } from '../db/generated/enums';
import { MAX_SKILL_WEIGHT, PRIORITY_HEAD_START_MINUTES, SKILL_HEAD_START_MINUTES_PER_WEIGHT, queueScore } from '../queue/policy';
import { arrivals, chance, lognormal, pick, seeded, type Rng } from './random';
import { playForward, type SimCounter, type SimTicket } from './simulate-wait';

/**
 * The wait estimate: the office played forward many times from what the engine knows now, with
 * service times, no-shows, late arrivals that rank ahead (priorities, skills, appointments) drawn
 * from the office's own recent data. The median of the runs is the estimate; the range is the
 * runs' 10–90 % spread widened or narrowed by `spread`, the factor measured from past estimates'
 * real errors (calibration.ts). Pure: the same state gives the same answer (a fixed seed), so the
 * number shown does not flicker between two identical queues.
 */

const MINUTE = 60_000;

export interface Distribution {
  /** Mean minutes. */
  mean: number;
  /** Coefficient of variation (standard deviation ÷ mean). */
  cv: number;
}

export interface OfficeHistory {
  /** Counter time per visit (call → next call possible) of a service at a local hour. */
  occupancy(serviceId: string, hour: number): Distribution;
  /** Share of called citizens who do not come (0..1) and the counter minutes one costs. */
  noShow: { rate: number; minutes: number };
  /** Expected walk-in tickets per hour at a local hour of today. */
  walkInsPerHour(hour: number): number;
  /** Services of walk-in tickets, by weight. */
  serviceMix: readonly { item: string; weight: number }[];
  priorityMix: readonly { item: Priority; weight: number }[];
  /** Share of booked appointments whose citizen checks in. */
  showUp: number;
}

export interface LiveCounter {
  id: string;
  staffId: string;
  /** Service → head start (ms) of its clerk's skill. */
  services: ReadonlyMap<string, number>;
  paused: boolean;
  pausedAt: number | null;
  /** The citizen at the counter now, if any. */
  busy: { serviceId: string; calledAt: number } | null;
}

export interface LiveTicket {
  id: string;
  serviceId: string;
  priority: Priority;
  /** queuedAt (the booked time for an appointment). */
  queuedAt: number;
  targetCounterId: string | null;
  targetStaffId: string | null;
}

export interface WaitState {
  now: number;
  /** Local hour (0–23) of an instant in the office's time zone. */
  hourOf(ms: number): number;
  counters: readonly LiveCounter[];
  waiting: readonly LiveTicket[];
  /** Appointments booked for later today, not checked in yet. */
  appointments: readonly { serviceId: string; startsAt: number }[];
  /** Walk-in tickets are issued until then (ms); null = not today any more. */
  walkInUntil: number | null;
  /** Services for which to estimate the wait of somebody taking a ticket now. */
  probes: readonly string[];
  history: OfficeHistory;
}

export interface WaitEstimate {
  /** Median minutes until called. */
  minutes: number;
  low: number;
  high: number;
  /** Raw 10 %, 50 % and 90 % quantiles of the runs, in minutes (what calibration compares to real waits). */
  p10: number;
  p50: number;
  p90: number;
}

export interface OfficeWaits {
  tickets: Map<string, WaitEstimate>;
  /** Per probed service: a ticket taken now. Missing = no open counter serves it. */
  services: Map<string, WaitEstimate>;
}

/** A paused clerk is expected back this long after pausing (or soon, if already longer). */
export const PAUSE_MINUTES = 10;
/** Latecomers can rank ahead of a ticket by at most this much (largest priority + skill head start). */
const OVERTAKE_MS =
  (Math.max(...Object.values(PRIORITY_HEAD_START_MINUTES)) + (MAX_SKILL_WEIGHT - 1) * SKILL_HEAD_START_MINUTES_PER_WEIGHT) *
  MINUTE;
/** Range scale before any error was measured (measured by `npm run sim` on the reference day). */
export const DEFAULT_SPREAD = 1.3;
export const RUNS = 80;

/** The displayed range: the runs' 10–90 % spread around the median, scaled by the measured `spread`. */
export function rangeOf(p10: number, p50: number, p90: number, spread: number): { low: number; high: number } {
  return { low: Math.max(0, Math.floor(p50 - spread * (p50 - p10))), high: Math.ceil(p50 + spread * (p90 - p50)) };
}

function quantile(sorted: Float64Array, p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** One visit's counter time: the service's distribution, or a short no-show. */
function drawOccupancy(rng: Rng, h: OfficeHistory, serviceId: string, hour: number): number {
  if (h.noShow.rate > 0 && chance(rng, h.noShow.rate)) return h.noShow.minutes * MINUTE;
  const d = h.occupancy(serviceId, hour);
  return (d.cv > 0 ? lognormal(rng, d.mean, d.cv) : d.mean) * MINUTE;
}

/** What is left of a visit that began `elapsed` ms ago: a draw of the whole visit that outlasts it. */
function drawRemaining(rng: Rng, d: Distribution, elapsed: number): number {
  for (let i = 0; i < 12; i++) {
    const total = (d.cv > 0 ? lognormal(rng, d.mean, d.cv) : d.mean) * MINUTE;
    if (total > elapsed) return total - elapsed;
  }
  // Already far longer than usual: it ends soon, but not at once.
  return Math.max(MINUTE, 0.25 * d.mean * MINUTE);
}

export function estimateWaits(state: WaitState, spread = DEFAULT_SPREAD, runs = RUNS): OfficeWaits {
  const { now, history: h } = state;
  const rng = seeded(0x5eed);
  const counters = state.counters;
  // A probe per distinct set of counters and head starts: services that share them wait alike.
  const probeFor = new Map<string, string>();
  const probeServices: string[] = [];
  for (const s of state.probes) {
    const signature = counters.map((c) => c.services.get(s) ?? '-').join(',');
    if (!counters.some((c) => c.services.has(s))) continue;
    if (!probeFor.has(signature)) {
      probeFor.set(signature, s);
      probeServices.push(s);
    }
    probeFor.set(`svc:${s}`, probeFor.get(signature)!);
  }
  const watched = state.waiting.length + probeServices.length;
  const samples = Array.from({ length: watched }, () => new Float64Array(runs));
  const arrivalsUntil = Math.min(now + OVERTAKE_MS, state.walkInUntil ?? now);
  const nowMinute = minuteOfDay(state, now);

  for (let r = 0; r < runs; r++) {
    const simCounters: SimCounter[] = counters.map((c) => {
      let freeAt = now;
      if (c.busy) {
        const d = h.occupancy(c.busy.serviceId, state.hourOf(c.busy.calledAt));
        freeAt = now + drawRemaining(rng, d, now - c.busy.calledAt);
      }
      if (c.paused) {
        const back = (c.pausedAt ?? now) + PAUSE_MINUTES * MINUTE;
        freeAt = Math.max(freeAt, back > now ? back : now + 2 * MINUTE);
      }
      return { id: c.id, staffId: c.staffId, services: c.services, freeAt, closesAt: Infinity };
    });
    const tickets: SimTicket[] = state.waiting.map((t) => ({
      id: t.id,
      serviceId: t.serviceId,
      score: queueScore(new Date(t.queuedAt), t.priority),
      arrivesAt: Math.min(t.queuedAt, now),
      targetCounterId: t.targetCounterId,
      targetStaffId: t.targetStaffId,
      occupancy: drawOccupancy(rng, h, t.serviceId, state.hourOf(now)),
    }));
    for (const s of probeServices)
      tickets.push({ id: `~probe:${s}`, serviceId: s, score: now, arrivesAt: now, occupancy: 0, probe: true });
    // Walk-ins still to come who may rank ahead: priorities and better skill matches.
    if (arrivalsUntil > now && h.serviceMix.length > 0) {
      const perHour = (minute: number) => h.walkInsPerHour(Math.floor(minute / 60) % 24);
      const untilMinute = nowMinute + (arrivalsUntil - now) / MINUTE;
      for (const m of arrivals(rng, perHour, nowMinute, Math.ceil(untilMinute))) {
        if (m > untilMinute) break;
        const at = now + (m - nowMinute) * MINUTE;
        const serviceId = pick(rng, h.serviceMix);
        tickets.push({
          id: `~walk-in:${tickets.length}`,
          serviceId,
          score: queueScore(new Date(at), pick(rng, h.priorityMix)),
          arrivesAt: at,
          occupancy: drawOccupancy(rng, h, serviceId, state.hourOf(at)),
        });
      }
    }
    for (const a of state.appointments) {
      if (!chance(rng, h.showUp)) continue;
      tickets.push({
        id: `~appointment:${tickets.length}`,
        serviceId: a.serviceId,
        score: a.startsAt,
        arrivesAt: a.startsAt,
        occupancy: drawOccupancy(rng, h, a.serviceId, state.hourOf(a.startsAt)),
      });
    }
    // The watched tickets come first (the waiting ones, then the probes), as `samples` counts them.
    const res = playForward(simCounters, tickets, { watch: watched });
    for (let i = 0; i < watched; i++) samples[i]![r] = (res.calledAt[i]! - now) / MINUTE;
  }

  const summarise = (xs: Float64Array): WaitEstimate | null => {
    const sorted = Float64Array.from(xs.map((x) => (Number.isNaN(x) ? Infinity : Math.max(0, x)))).sort();
    const p50 = quantile(sorted, 0.5);
    if (!Number.isFinite(p50)) return null;
    const p10 = quantile(sorted, 0.1);
    const p90 = Math.min(quantile(sorted, 0.9), p50 * 4 + 60);
    return {
      minutes: Math.round(p50),
      ...rangeOf(p10, p50, p90, spread),
      p10,
      p50,
      p90,
    };
  };
  const out: OfficeWaits = { tickets: new Map(), services: new Map() };
  state.waiting.forEach((t, i) => {
    const e = summarise(samples[i]!);
    if (e) out.tickets.set(t.id, e);
  });
  const byProbe = new Map<string, WaitEstimate>();
  probeServices.forEach((s, i) => {
    const e = summarise(samples[state.waiting.length + i]!);
    if (e) byProbe.set(s, e);
  });
  for (const s of state.probes) {
    const p = probeFor.get(`svc:${s}`);
    const e = p ? byProbe.get(p) : undefined;
    if (e) out.services.set(s, e);
  }
  return out;
}

/** Minutes since local midnight (fractional) of an instant, from its local hour. */
function minuteOfDay(state: WaitState, ms: number): number {
  const hour = state.hourOf(ms);
  const withinHour = ((ms % (60 * MINUTE)) + 60 * MINUTE) % (60 * MINUTE);
  return hour * 60 + withinHour / MINUTE;
}
