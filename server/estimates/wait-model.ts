import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Priority } from '../db/generated/enums';
import { MAX_SKILL_WEIGHT, PRIORITY_HEAD_START_MINUTES, SKILL_HEAD_START_MINUTES_PER_WEIGHT, queueScore } from '../queue/policy';
import { arrivals, chance, exponential, lognormal, lognormalAbove, pick, seeded, type Rng } from './random';
import { playForward, simTicket, type SimCounter, type SimTicket } from './simulate-wait';

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
  /**
   * Share of recalled citizens (called again because they did not come) who never came (0..1);
   * undefined = RECALLED_NO_SHOW.
   */
  recalledNoShow?: number;
  /**
   * Share of visits that end in a transfer to another service, and the minutes before it: the
   * citizen waits again with their old rank, ahead of most of the line.
   */
  transfer: { rate: number; minutes: number };
  /** Citizens who give up and cancel: the chance per minute of waiting (a constant hazard). */
  leavePerMinute: number;
  /**
   * The same by minutes already waited: from each start (minutes), the chance per minute until
   * the next one. Undefined = leavePerMinute throughout.
   */
  leaveByWait?: readonly { from: number; perMinute: number }[];
  /** Expected walk-in tickets per hour at a local hour of today. */
  walkInsPerHour(hour: number): number;
  /** Services of walk-in tickets, by weight. */
  serviceMix: readonly { item: string; weight: number }[];
  priorityMix: readonly { item: Priority; weight: number }[];
  /** Share of booked appointments whose citizen checks in. */
  showUp: number;
  staffing: Staffing;
}

/** The usual staffing of this weekday (history.ts buildStaffing). */
export interface Staffing {
  /** Past days it was learned from. */
  days: number;
  /** Share of those days the counter was open (pauses aside) in this quarter hour; undefined = not in the log. */
  working(counterId: string, minuteOfDay: number): number | undefined;
  /** The counter's pauses on each past day it was open (start: minute of day). */
  pauses(counterId: string): readonly (readonly { start: number; minutes: number }[])[];
  /** Mean minutes of a pause. */
  pauseMinutes: number;
}

export interface LiveCounter {
  id: string;
  staffId: string;
  /** Service → head start (ms) of its clerk's skill. */
  services: ReadonlyMap<string, number>;
  paused: boolean;
  pausedAt: number | null;
  /**
   * The citizen at the counter now, if any. `recalled`: called again since the call and still not
   * started — the citizen has not come yet (likely a no-show soon, see drawBusy).
   */
  busy: { serviceId: string; calledAt: number; recalled?: boolean } | null;
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
  /** Local minutes since midnight (fractional) of an instant, in the office's time zone. */
  minuteOf(ms: number): number;
  counters: readonly LiveCounter[];
  /** Closed counters: one that is usually open later may open. */
  closedCounters: readonly string[];
  /** How many times each counter paused today: its usual first pauses are behind it. */
  pausedToday: ReadonlyMap<string, number>;
  waiting: readonly LiveTicket[];
  /** Appointments booked for later today, not checked in yet. */
  appointments: readonly { serviceId: string; startsAt: number }[];
  /**
   * Those of them starting until then (ms) also get the wait their citizen would have on checking
   * in now (the kiosk's check-in window); undefined = none.
   */
  checkInsUntil?: number;
  /** Walk-in tickets are issued until then (ms); null = not today any more. */
  walkInUntil: number | null;
  /** Walk-in tickets issued so far today: a busier day than usual brings more latecomers too. */
  walkInsToday: number;
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
  /** The same for a ticket taken now with a priority's head start, per priority (those with one), then service. */
  priorities: Map<Priority, Map<string, WaitEstimate>>;
  /** Per appointment that may check in now (appointmentKey): its citizen's wait on checking in now. */
  appointments: Map<string, WaitEstimate>;
}

export const appointmentKey = (serviceId: string, startsAt: number) => `${serviceId}|${startsAt}`;

/** Head starts of the walk-in priorities, each probed once (0 first: the plain newcomer). */
const PROBED_PRIORITIES = (Object.keys(PRIORITY_HEAD_START_MINUTES) as Priority[]).filter((p) => p !== 'appointment');
const PROBED_HEAD_STARTS = [...new Set(PROBED_PRIORITIES.map((p) => PRIORITY_HEAD_START_MINUTES[p]))].sort((a, b) => a - b);

/**
 * The estimate for a waiting ticket that the office's estimate did not see yet (taken since it
 * was computed): that of a newcomer like it — its service and priority, or its booked slot.
 */
export function newcomerEstimate(
  waits: OfficeWaits,
  t: { serviceId: string; priority: Priority; queuedAt: Date | number },
): WaitEstimate | undefined {
  if (t.priority === 'appointment') {
    const e = waits.appointments.get(
      appointmentKey(t.serviceId, typeof t.queuedAt === 'number' ? t.queuedAt : t.queuedAt.getTime()),
    );
    if (e) return e;
  } else if (PRIORITY_HEAD_START_MINUTES[t.priority] > 0) {
    const e = waits.priorities.get(t.priority)?.get(t.serviceId);
    if (e) return e;
  }
  return waits.services.get(t.serviceId);
}

/** A paused clerk is expected back this long after pausing (or soon, if already longer), until pauses were measured. */
export const PAUSE_MINUTES = 10;
/** How far ahead the usual staffing is followed. */
const STAFFING_HORIZON_SLOTS = 16;
/** A closed counter usually opening within this many quarters is expected to open. */
const OPENING_SLOTS = 8;
/** An absence at least this long (quarters) is a closing, a shorter one a break. */
const CLOSING_SLOTS = 4;
const SLOT = 15;
/** Walk-ins added to both sides of today's ratio to the usual day. */
const DAY_SCALE_PRIOR = 20;
/** Latecomers can rank ahead of a ticket by at most this much (largest priority + skill head start). */
const OVERTAKE_MS =
  (Math.max(...Object.values(PRIORITY_HEAD_START_MINUTES)) + (MAX_SKILL_WEIGHT - 1) * SKILL_HEAD_START_MINUTES_PER_WEIGHT) *
  MINUTE;
/**
 * Range scale until 30 real waits were measured (calibration.ts): a new office, or one whose
 * samples were lost. Measured by `npm run sim` (3 December 2026, the factor the calibration used
 * through each day once it had 30 waits; median, 10–90 %): reference day with eight weeks of
 * history 1.20 (1.10–1.35), 1.30 (1.20–1.35) and 1.05 (1.00–1.10) on seeds 13, 7 and 21; with one
 * week of history (an office that is new) 1.65 (1.05–1.75); quiet and overloaded days, whose
 * estimates run 2.5 minutes short, 2.15 and 2.20. The first factor learned, from a day's first
 * 30 waits (the ones this default stands in for), was 1.00–1.15 on every one of those days, and
 * with 1.3 the ranges shown before it held 93–100 % of the real waits. So 1.3 stays: between what
 * a quiet first hour needs and what an office with little history settles at (a new office may
 * start on a busy hour); wider would only blur the first hour of the simulated days.
 */
export const DEFAULT_SPREAD = 1.3;
export const RUNS = 120;
/**
 * A run plays every waiting ticket, so its cost grows with the queue: with thousands waiting the
 * office's estimate took over a tenth of the process under load (issue 10's profile). Beyond
 * FULL_RUNS_UP_TO waiting, fewer runs, never under MIN_RUNS: a wait hours long is a sum of many
 * visits, whose spread relative to it shrinks as the queue grows, so fewer runs say as much. The
 * simulated days (`npm run sim`) never have that many waiting and keep all 120.
 */
const FULL_RUNS_UP_TO = 400;
const MIN_RUNS = 30;

/** How many runs for `waiting` tickets. */
export function runsFor(waiting: number): number {
  if (waiting <= FULL_RUNS_UP_TO) return RUNS;
  return Math.max(MIN_RUNS, Math.round((RUNS * FULL_RUNS_UP_TO) / waiting));
}

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

function drawVisit(rng: Rng, h: OfficeHistory, serviceId: string, hour: number): number {
  const d = h.occupancy(serviceId, hour);
  return (d.cv > 0 ? lognormal(rng, d.mean, d.cv) : d.mean) * MINUTE;
}

/**
 * When a citizen who has waited `waited` minutes at `from` (ms) gives up, drawn from the measured
 * chance per minute by minutes already waited (memoryless within each stretch); undefined = never.
 */
export function drawLeaving(
  rng: Rng,
  h: Pick<OfficeHistory, 'leavePerMinute' | 'leaveByWait'>,
  from: number,
  waited: number,
): number | undefined {
  // Without stretches measured, one stretch from 0 at the overall rate (read in place: no array per draw).
  const bins = h.leaveByWait;
  const stretches = bins?.length ?? 1;
  let t = Math.max(0, waited);
  for (let i = 0; i < stretches; i++) {
    const end = bins?.[i + 1]?.from ?? Infinity;
    if (t >= end) continue;
    const rate = bins ? bins[i]!.perMinute : h.leavePerMinute;
    if (rate > 0) {
      const x = Math.max(t, bins?.[i]!.from ?? 0) + exponential(rng, 1 / rate);
      if (x < end) return from + (x - waited) * MINUTE;
    }
    t = end;
  }
  return undefined;
}

/** One citizen's counter time: a no-show's few minutes, a visit, or a first part and a transfer. */
function drawCitizen(rng: Rng, h: OfficeHistory, serviceId: string, hour: number): Pick<SimTicket, 'occupancy' | 'then'> {
  if (h.noShow.rate > 0 && chance(rng, h.noShow.rate)) return { occupancy: h.noShow.minutes * MINUTE };
  if (h.transfer.rate > 0 && h.serviceMix.length > 0 && chance(rng, h.transfer.rate)) {
    const to = pick(rng, h.serviceMix);
    return { occupancy: h.transfer.minutes * MINUTE, then: { serviceId: to, occupancy: drawVisit(rng, h, to, hour) } };
  }
  return { occupancy: drawVisit(rng, h, serviceId, hour) };
}

/**
 * What is left of a visit that began `elapsed` ms ago: a draw of the whole visit given that it
 * outlasts `elapsed` (the longer a visit has already lasted, the longer it is likely to go on).
 */
export function drawRemaining(rng: Rng, d: Distribution, elapsed: number): number {
  if (d.cv <= 0) return Math.max(0, d.mean * MINUTE - elapsed) || Math.max(MINUTE, 0.25 * d.mean * MINUTE);
  return Math.max(0.1 * MINUTE, lognormalAbove(rng, d.mean, d.cv, elapsed / MINUTE) * MINUTE - elapsed);
}

/** A recalled citizen's chance of never coming, until the office's own is measured (history.ts). */
export const RECALLED_NO_SHOW = 0.5;

/**
 * When the counter's citizen now is done (ms from now). A visit under way: what is left of it
 * (drawRemaining; a ticket called but not started counts from its call, as the visit lengths are
 * measured from the call, and clerks may complete a visit without pressing start). A recalled
 * ticket not started is different: the citizen did not come at the first call, so with the office's
 * measured chance it becomes a no-show once the usual no-show minutes from the call have passed,
 * and otherwise the citizen comes and the visit runs as any other. Taken as a visit under way, a
 * recalled ticket held its counter for most of a visit where it usually frees it within a minute
 * or two. Twice the usual no-show minutes after the call with no no-show declared, it is a visit
 * under way again (the citizen came and the clerk did not press start).
 */
export function drawBusy(
  rng: Rng,
  h: Pick<OfficeHistory, 'occupancy' | 'noShow' | 'recalledNoShow'>,
  busy: NonNullable<LiveCounter['busy']>,
  hour: number,
  now: number,
): number {
  const elapsed = now - busy.calledAt;
  const d = h.occupancy(busy.serviceId, hour);
  const noShowMs = h.noShow.minutes * MINUTE;
  if (busy.recalled && elapsed < 2 * noShowMs && chance(rng, h.recalledNoShow ?? RECALLED_NO_SHOW))
    return Math.max(noShowMs - elapsed, 0.5 * MINUTE);
  return drawRemaining(rng, d, elapsed);
}

interface CounterPlan {
  /** When the usual staffing closes it (Infinity: open until the line is served). */
  closesAt: number;
}

/**
 * When the usual staffing says a counter closes, from `fromMs` on: the first quarter from which it
 * was mostly closed on past same weekdays for an hour or until walk-ins stop. Followed only while
 * walk-ins are issued: after that the desk serves who is in line. (Its pauses: pausesToCome.)
 */
function planCounter(state: WaitState, counterId: string, fromMs: number): CounterPlan {
  const st = state.history.staffing;
  const until = Math.min(state.walkInUntil ?? state.now, state.now + STAFFING_HORIZON_SLOTS * SLOT * MINUTE);
  const fromMinute = state.minuteOf(fromMs);
  // The quarter now under way counts too, from `fromMs` on.
  const slotStart = (k: number) => Math.max(fromMs, fromMs + (k * SLOT - fromMinute) * MINUTE);
  for (let k = Math.floor(fromMinute / SLOT); slotStart(k) < until; k++) {
    if ((st.working(counterId, k * SLOT) ?? 1) >= 0.5) continue;
    let end = k;
    while (slotStart(end) < until && (st.working(counterId, end * SLOT) ?? 1) < 0.5) end++;
    if (end - k >= CLOSING_SLOTS || slotStart(end) >= until) return { closesAt: slotStart(k) };
    k = end;
  }
  return { closesAt: Infinity };
}

/**
 * The pauses a counter will take later today, as on one past same weekday drawn at random (its
 * pauses there, less as many as it already took today): when clerks pause varies, so does the draw.
 */
function pausesToCome(rng: Rng, state: WaitState, counterId: string, fromMs: number): { from: number; ms: number }[] {
  const days = state.history.staffing.pauses(counterId);
  if (days.length === 0) return [];
  const day = days[Math.floor(rng() * days.length)]!;
  const fromMinute = state.minuteOf(fromMs);
  return day
    .slice(state.pausedToday.get(counterId) ?? 0)
    .filter((p) => p.start + p.minutes > fromMinute)
    .map((p) => ({ from: fromMs + Math.max(0, p.start - fromMinute) * MINUTE, ms: p.minutes * MINUTE }));
}

/** Walk-ins expected by this time of the day on a usual day (from the hourly rates). */
function usualSoFar(h: OfficeHistory, minute: number): number {
  let n = 0;
  for (let hour = 0; hour < Math.floor(minute / 60); hour++) n += h.walkInsPerHour(hour);
  return n + (h.walkInsPerHour(Math.floor(minute / 60)) * (minute % 60)) / 60;
}

/**
 * How much busier today is than usual so far (today's walk-ins against the usual count by now,
 * both padded by DAY_SCALE_PRIOR so a quiet first half hour does not swing it), within 0.5–2.
 */
export function dayScale(state: Pick<WaitState, 'now' | 'minuteOf' | 'walkInsToday' | 'history'>): number {
  const usual = usualSoFar(state.history, state.minuteOf(state.now));
  if (usual < DAY_SCALE_PRIOR) return 1;
  return Math.min(2, Math.max(0.5, (state.walkInsToday + DAY_SCALE_PRIOR) / (usual + DAY_SCALE_PRIOR)));
}

/** What past estimates' real errors say (calibration.ts): the range's width. */
export interface Calibration {
  /** Scales the runs' 10–90 % spread into the displayed range. */
  spread: number;
}

export const UNCALIBRATED: Calibration = { spread: DEFAULT_SPREAD };

export function estimateWaits(
  state: WaitState,
  calibration: Calibration = UNCALIBRATED,
  runs = runsFor(state.waiting.length),
): OfficeWaits {
  const steps = estimating(state, calibration, runs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The main thread runs at most this long before letting a click or a screen through (estimateWaitsInSlices). */
export const ESTIMATE_SLICE_MS = 4;

/**
 * The same estimate, computed a few runs at a time with the event loop let through in between:
 * with thousands waiting it takes tens of milliseconds, which a clerk's call next or a display's
 * call would otherwise wait out (issue 10: the display's p99). Same result: the runs draw from one
 * seeded generator in the same order, and `state` is a snapshot. `between` is what runs between
 * slices: one turn of the event loop by default; the server gives way to its requests under way.
 */
export async function estimateWaitsInSlices(
  state: WaitState,
  calibration: Calibration = UNCALIBRATED,
  {
    runs = runsFor(state.waiting.length),
    sliceMs = ESTIMATE_SLICE_MS,
    between = nextTurn,
  }: { runs?: number; sliceMs?: number; between?: () => Promise<unknown> } = {},
): Promise<OfficeWaits> {
  const steps = estimating(state, calibration, runs);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await between();
      sliceStart = performance.now();
    }
  }
}

/** Watched citizens summarised per step of the estimate. */
const SUMMARIES_PER_STEP = 16;

/** The estimate as steps: one per run of the office played forward, then the summaries. */
function* estimating(state: WaitState, calibration: Calibration, runs: number): Generator<void, OfficeWaits> {
  const { spread } = calibration;
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
  // The appointments a citizen may check in for now: watched in every run (as a probe in the runs
  // where the draw says they do not come), so each has its own estimate.
  const checkIns = state.appointments.filter((a) => a.startsAt <= (state.checkInsUntil ?? -Infinity));
  const checkInIndex = new Map(checkIns.map((a, i) => [a, i]));
  const probeCount = probeServices.length * PROBED_HEAD_STARTS.length;
  const watched = state.waiting.length + probeCount + checkIns.length;
  const samples = Array.from({ length: watched }, () => new Float64Array(runs));
  const arrivalsUntil = Math.min(now + OVERTAKE_MS, state.walkInUntil ?? now);
  const busier = dayScale(state);
  const nowMinute = state.minuteOf(now);
  const hourOf = (ms: number) => Math.floor(state.minuteOf(ms) / 60) % 24;
  const st = h.staffing;
  // The usual staffing, where it is known and the counter usually works around this time (else
  // today is not a usual day for it, and its plan would close it at once).
  const usual = (id: string) =>
    st.days >= 2 && [-30, -15, 0, 15].some((d) => (st.working(id, Math.max(0, nowMinute + d)) ?? 0) >= 0.5);
  const plans = new Map(counters.filter((c) => usual(c.id)).map((c) => [c.id, planCounter(state, c.id, now)]));
  const allServices = new Map<string, number>();
  for (const c of counters) for (const s of c.services.keys()) allServices.set(s, 0);
  const openings: { id: string; at: number; p: number; plan: CounterPlan }[] = [];
  if (st.days >= 2 && state.walkInUntil !== null && allServices.size > 0) {
    for (const id of state.closedCounters) {
      for (let k = Math.floor(nowMinute / SLOT) + 1; k <= Math.floor(nowMinute / SLOT) + OPENING_SLOTS; k++) {
        const at = now + (k * SLOT - nowMinute) * MINUTE;
        if (at >= state.walkInUntil) break;
        const p = st.working(id, k * SLOT) ?? 0;
        if (p < 0.5) continue;
        openings.push({ id, at, p, plan: planCounter(state, id, at) });
        break;
      }
    }
  }

  for (let r = 0; r < runs; r++) {
    const withPlan = (id: string, plan: CounterPlan | undefined, from: number) => ({
      closesAt: plan?.closesAt ?? Infinity,
      breaks: plan ? pausesToCome(rng, state, id, from) : undefined,
    });
    const simCounters: SimCounter[] = counters.map((c) => {
      let freeAt = now;
      if (c.busy) freeAt = now + drawBusy(rng, h, c.busy, hourOf(c.busy.calledAt), now);
      if (c.paused) {
        const back = (c.pausedAt ?? now) + st.pauseMinutes * MINUTE;
        freeAt = Math.max(freeAt, back > now ? back : now + 2 * MINUTE);
      }
      return { id: c.id, staffId: c.staffId, services: c.services, freeAt, ...withPlan(c.id, plans.get(c.id), now) };
    });
    for (const o of openings)
      if (rng() < o.p)
        simCounters.push({ id: o.id, staffId: null, services: allServices, freeAt: o.at, ...withPlan(o.id, o.plan, o.at) });
    // Somebody ahead may give up: a patience drawn from the measured hazard (memoryless, so from now).
    // (Measured on walk-ins: a booked citizen who checked in is not expected to leave.)
    const tickets: SimTicket[] = state.waiting.map((t) => {
      const leavesAt = t.priority === 'appointment' ? undefined : drawLeaving(rng, h, now, (now - t.queuedAt) / MINUTE);
      const { occupancy, then } = drawCitizen(rng, h, t.serviceId, hourOf(now));
      return simTicket(t.id, t.serviceId, queueScore(t.queuedAt, t.priority), Math.min(t.queuedAt, now), occupancy, {
        leavesAt,
        then,
        targetCounterId: t.targetCounterId,
        targetStaffId: t.targetStaffId,
      });
    });
    for (const s of probeServices)
      for (const head of PROBED_HEAD_STARTS)
        tickets.push(
          simTicket(head === 0 ? `~probe:${s}` : `~probe:${s}:${head}`, s, now - head * MINUTE, now, 0, { probe: true }),
        );
    // Drawn after the walk-ins below (the same draws as before), placed with the watched ones.
    const booked: SimTicket[] = new Array<SimTicket>(checkIns.length);
    const later: SimTicket[] = [];
    // Walk-ins still to come who may rank ahead: priorities and better skill matches.
    if (arrivalsUntil > now && h.serviceMix.length > 0) {
      const perHour = (minute: number) => busier * h.walkInsPerHour(Math.floor(minute / 60) % 24);
      const untilMinute = nowMinute + (arrivalsUntil - now) / MINUTE;
      for (const m of arrivals(rng, perHour, nowMinute, Math.ceil(untilMinute))) {
        if (m > untilMinute) break;
        const at = now + (m - nowMinute) * MINUTE;
        const serviceId = pick(rng, h.serviceMix);
        const leavesAt = drawLeaving(rng, h, at, 0);
        const score = queueScore(at, pick(rng, h.priorityMix));
        const { occupancy, then } = drawCitizen(rng, h, serviceId, hourOf(at));
        later.push(simTicket(`~walk-in:${tickets.length + later.length}`, serviceId, score, at, occupancy, { leavesAt, then }));
      }
    }
    state.appointments.forEach((a, i) => {
      const id = `~appointment:${i}`;
      const comes = chance(rng, h.showUp);
      const w = checkInIndex.get(a);
      const citizen = comes ? drawCitizen(rng, h, a.serviceId, hourOf(a.startsAt)) : undefined;
      const t = citizen
        ? simTicket(id, a.serviceId, a.startsAt, a.startsAt, citizen.occupancy, { then: citizen.then })
        : simTicket(id, a.serviceId, a.startsAt, a.startsAt, 0, { probe: true });
      if (w !== undefined) booked[w] = t;
      else if (comes) later.push(t);
    });
    // The watched tickets come first (the waiting ones, the probes, the check-ins), as `samples` counts them.
    tickets.push(...booked, ...later);
    const res = playForward(simCounters, tickets, { watch: watched });
    for (let i = 0; i < watched; i++) samples[i]![r] = (res.calledAt[i]! - now) / MINUTE;
    yield;
  }

  const summarise = (xs: Float64Array): WaitEstimate | null => {
    // Runs in which this citizen gave up say nothing about their wait; never called = no estimate.
    // One pass into a fresh array, sorted in place (filter, then map, cost twice as much).
    const kept = new Float64Array(xs.length);
    let n = 0;
    for (const x of xs) if (x !== -Infinity) kept[n++] = Number.isNaN(x) ? Infinity : Math.max(0, x);
    if (n === 0) return null;
    const sorted = kept.subarray(0, n).sort();
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
  // The summaries too are steps, a slice of tickets each: with hundreds waiting, all of them at
  // once held the event loop for 15–30 ms (issue 10: the displays' p99).
  const summaries = new Array<WaitEstimate | null>(watched);
  for (let i = 0; i < watched; i++) {
    summaries[i] = summarise(samples[i]!);
    if (i % SUMMARIES_PER_STEP === SUMMARIES_PER_STEP - 1) yield;
  }
  const out: OfficeWaits = { tickets: new Map(), services: new Map(), priorities: new Map(), appointments: new Map() };
  state.waiting.forEach((t, i) => {
    const e = summaries[i];
    if (e) out.tickets.set(t.id, e);
  });
  const byProbe = new Map<string, WaitEstimate>();
  probeServices.forEach((s, i) =>
    PROBED_HEAD_STARTS.forEach((head, k) => {
      const e = summaries[state.waiting.length + i * PROBED_HEAD_STARTS.length + k];
      if (e) byProbe.set(`${s}:${head}`, e);
    }),
  );
  for (const s of state.probes) {
    const p = probeFor.get(`svc:${s}`);
    if (!p) continue;
    const plain = byProbe.get(`${p}:0`);
    if (plain) out.services.set(s, plain);
    for (const priority of PROBED_PRIORITIES) {
      const head = PRIORITY_HEAD_START_MINUTES[priority];
      const e = head > 0 ? byProbe.get(`${p}:${head}`) : undefined;
      if (!e) continue;
      const m = out.priorities.get(priority) ?? new Map<string, WaitEstimate>();
      out.priorities.set(priority, m.set(s, e));
    }
  }
  checkIns.forEach((a, i) => {
    const e = summaries[state.waiting.length + probeCount + i];
    if (e) out.appointments.set(appointmentKey(a.serviceId, a.startsAt), e);
  });
  return out;
}
