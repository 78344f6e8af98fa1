import { checkIn } from '../server/appointments/check-in';
import { newBookingCode } from '../server/appointments/codes';
import { callNext, recallTicket } from '../server/counters/calls';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from '../server/counters/operations';
import { officeCalibration } from '../server/estimates/calibration';
import { refreshWaits } from '../server/estimates/live-waits';
import { seeded } from '../server/estimates/random';
import type { SimCounter } from '../server/estimates/simulate-wait';
import { queueScore } from '../server/queue/policy';
import { rt } from '../server/runtime';
import { FLUSH_INTERVAL_MS } from '../server/socket/office-feed';
import { completeTicket, noShowTicket, startTicket, transferTicket } from '../server/tickets/actions';
import { cancelByCode } from '../server/tickets/cancel';
import { issueTicket } from '../server/tickets/issue';
import { accuracy, type Accuracy, type EstimateShown } from './accuracy';
import { at, drawDay, LATEST_CHECK_IN_MINUTES, rankOf, serviceMix, type Citizen, type QueuedCitizen } from './day';
import { ESTIMATORS, Estimators, type EstimatorName, type Shown } from './estimators';
import type { SimOffice } from './office';
import {
  boundWaits,
  fairWaits,
  knownWaits,
  ORACLES,
  type KnownNow,
  type OracleName,
  type OracleState,
  type OracleTruth,
  type VisitUnderWay,
} from './oracle';
import { NO_SHOW_MINUTES, type DayPlan } from './scenario';

/**
 * One simulated day through the real engine: the same functions the HTTP routes call (issue,
 * check-in, call next with its Lua script, start, complete, transfer, no-show, cancel, counters
 * opening, pausing and closing), on real PostgreSQL and Redis, with a simulated clock passed to
 * each as `now`. Events run one at a time in time order, so a seed gives the same day.
 *
 * Every estimate a citizen would see — at issue and every `sampleEveryMinutes` while waiting — is
 * recorded for each estimator and set against the real wait once the citizen is called.
 */

const MIN = 60_000;
/** Appointments booked up to this long after `until`: a citizen checking in before it may come early for them. */
const BOOKINGS_PAST_UNTIL_MS = 3600_000;

export interface DayResult {
  /** Per estimator: accuracy over every estimate shown. */
  accuracy: Record<EstimatorName, Accuracy>;
  /** Per estimator, only the estimates shown at issue (the number on the ticket). */
  atIssue: Record<EstimatorName, Accuracy>;
  /** Every estimate shown, per estimator, with when it was shown (ms) and whether it was the ticket's first. */
  samples: Record<
    EstimatorName,
    (EstimateShown & { at: number; first: boolean; priority: string; service: string; detail?: Shown['detail'] })[]
  >;
  /** Every call, for analysis (`--dump`): which counters were slow when, who overtook whom. */
  calls: CallRecord[];
  /**
   * The range's factor the calibration used at each computation of the office's estimate, with
   * the real waits it was measured from (fewer than 30: DEFAULT_SPREAD).
   */
  spreads: { at: number; spread: number; samples: number }[];
  visits: number;
  meanServiceMinutes: number;
  meanWaitMinutes: number;
  leftBeforeCalled: number;
  /** Real seconds the day took. */
  seconds: number;
  /** With `oracle`: the three estimators that know the future (sim/oracle.ts), over the same estimates as the others. */
  oracle?: Record<OracleName, Accuracy> & { missing: number };
}

export interface CallRecord {
  at: number;
  counter: number;
  /** When the citizen took the ticket (or checked in). */
  arrived: number;
  /** 2: the second part of a transferred visit. */
  leg: 1 | 2;
  priority: string;
  /** Minutes of the visit drawn for the citizen (start → completion). */
  serviceMinutes: number;
  noShow: boolean;
}

export interface EngineDayOptions {
  plan: DayPlan;
  day: string;
  seed: number;
  sampleEveryMinutes: number;
  /** Stop the day here ("HH:MM"): no more arrivals after it; who is in line is still served. */
  until?: string;
  /**
   * Also run the estimators that know the future (sim/oracle.ts) with this many plays; `truth`
   * names the parts the fair one takes from what will happen instead of drawing them (visits,
   * waiting, future), to tell which unknown costs how much.
   */
  oracle?: { runs: number; truth?: readonly OracleTruth[] };
}

/** Min-heap of timed events; equal times run in insertion order. */
class Agenda {
  private heap: { at: number; seq: number; run: () => Promise<void> }[] = [];
  private seq = 0;
  now = 0;

  add(atMs: number, run: () => Promise<void>): void {
    const e = { at: Math.max(atMs, this.now), seq: this.seq++, run };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private less(a: { at: number; seq: number }, b: { at: number; seq: number }) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private pop() {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }

  async run(): Promise<void> {
    while (this.heap.length > 0) {
      const e = this.pop();
      this.now = e.at;
      await e.run();
    }
  }
}

interface CounterAgent {
  number: number;
  id: string;
  open: boolean;
  busy: boolean;
  paused: boolean;
  /** Close once free after this time (ms); with `drain`, only when nobody is left to call. */
  closeAt: number | null;
  drain: boolean;
  breakAt: number | null;
  breakMinutes: number;
  /** When the visit or break under way ends (for sim/oracle.ts). */
  freeAt: number;
  /** The citizen at the counter, since when. */
  serving: { citizen: Citizen; leg: 1 | 2; calledAt: number } | null;
}

export async function runEngineDay(office: SimOffice, opts: EngineDayOptions): Promise<DayResult> {
  const started = Date.now();
  const { db } = rt();
  const tz = office.timeZone;
  const rng = seeded(opts.seed);
  const services = [...office.services.values()];
  const mix = serviceMix(services, opts.plan.serviceScale);
  const drawn = drawDay(opts.plan, opts.day, tz, mix, rng);
  const until = opts.until ? at(opts.day, opts.until, tz) : Infinity;
  const citizens = drawn.citizens.filter((c) => c.arriveAt < until);
  const serviceId = (code: string) => office.services.get(code)!.id;
  const estimators = new Estimators(office.officeId, new Map(services.map((s) => [s.id, s.expectedMinutes])));

  // Appointments booked for the day (also those whose citizen will not come).
  const bookingCodes = new Map<string, string>();
  const bookings = drawn.bookings.filter((b) => b.at < until + BOOKINGS_PAST_UNTIL_MS);
  for (const b of bookings) {
    const code = newBookingCode();
    await db.appointment.create({
      data: {
        code,
        officeId: office.officeId,
        serviceId: serviceId(b.code),
        startsAt: new Date(b.at),
        endsAt: new Date(b.at + 15 * MIN),
        day: opts.day,
        status: 'booked',
        channel: 'counter',
      },
    });
    bookingCodes.set(`${b.at}:${b.code}`, code);
  }

  const agenda = new Agenda();
  const now = () => new Date(agenda.now);
  const agents = new Map<number, CounterAgent>();
  const byTicket = new Map<string, { citizen: Citizen; code: string; leg: 1 | 2 }>();
  const pending = new Map<string, { at: number; shown: Record<EstimatorName, Shown>; oracle?: Record<OracleName, number> }[]>();
  const oracleSamples = { known: [] as EstimateShown[], bound: [] as EstimateShown[], fair: [] as EstimateShown[], missing: 0 };
  const oracleRng = seeded(opts.seed + 7);
  const arrived = new Set<Citizen>();
  const checkedIn = new Set<string>();
  const samples = Object.fromEntries(
    ESTIMATORS.map((e) => [e, [] as DayResult['samples'][EstimatorName]]),
  ) as DayResult['samples'];
  const issueSamples = Object.fromEntries(ESTIMATORS.map((e) => [e, [] as EstimateShown[]])) as Record<
    EstimatorName,
    EstimateShown[]
  >;
  const firstSample = new Set<string>();
  const calls: CallRecord[] = [];
  const spreads: DayResult['spreads'] = [];
  let waits = 0;
  let called = 0;
  let left = 0;

  const record = async (onlyTicket?: string) => {
    const all = await estimators.all(now());
    const oracle = opts.oracle ? await oracleWaits(opts.oracle.runs) : null;
    for (const [id, shown] of all) {
      if (onlyTicket && id !== onlyTicket) continue;
      const list = pending.get(id) ?? [];
      list.push({
        at: agenda.now,
        shown,
        oracle: oracle
          ? { known: oracle.known.get(id) ?? NaN, bound: oracle.bound.get(id) ?? NaN, fair: oracle.fair.get(id) ?? NaN }
          : undefined,
      });
      pending.set(id, list);
    }
  };
  /** The office now and its whole future as the simulator will play it (sim/oracle.ts). */
  const oracleWaits = async (runs: number) => {
    const rows = await db.ticket.findMany({
      where: { officeId: office.officeId, status: 'waiting' },
      select: { id: true, serviceId: true, queuedAt: true, priority: true },
      orderBy: { id: 'asc' },
    });
    const waiting: QueuedCitizen[] = rows.map((r) => {
      const who = byTicket.get(r.id)!;
      const score = queueScore(r.queuedAt, r.priority);
      return { id: r.id, serviceId: r.serviceId, score, arrivesAt: -Infinity, citizen: who.citizen, leg: who.leg };
    });
    const future: QueuedCitizen[] = [];
    citizens.forEach((c, i) => {
      if (arrived.has(c)) return;
      const id = `~${String(i).padStart(5, '0')}`;
      future.push({ id, serviceId: serviceId(c.serviceCode), score: rankOf(c), arrivesAt: c.arriveAt, citizen: c, leg: 1 });
    });
    const counters: SimCounter[] = [];
    const visits: (VisitUnderWay | null)[] = [];
    for (const a of agents.values()) {
      if (!a.open) continue;
      const idle = !a.busy && !a.paused;
      const breaks = a.breakAt !== null ? [{ from: a.breakAt, ms: a.breakMinutes * MIN }] : [];
      const services = office.counters.get(a.number)!.boosts;
      counters.push({
        id: a.id,
        staffId: null,
        services,
        freeAt: idle ? agenda.now : a.freeAt,
        closesAt: a.closeAt ?? Infinity,
        drain: a.drain,
        breaks,
      });
      const v = a.busy ? a.serving : null;
      if (!v) {
        visits.push(null);
        continue;
      }
      const c = v.citizen;
      const startedAt = v.calledAt + c.walkUp * MIN;
      const serviceCode = v.leg === 2 ? c.transfer!.toCode : c.serviceCode;
      const recalled = v.leg === 1 && c.noShow && agenda.now >= v.calledAt + NO_SHOW_MINUTES.recall * MIN;
      visits.push({ serviceCode, calledAt: v.calledAt, startedAt: startedAt <= agenda.now ? startedAt : null, recalled });
      // A visit under way that will be sent on: its second part joins the line when it ends.
      if (v.leg === 1 && c.transfer && !c.noShow) {
        const toId = serviceId(c.transfer.toCode);
        future.push({
          id: `~t${a.number}`,
          serviceId: toId,
          score: rankOf(c),
          arrivesAt: a.freeAt,
          inLineSince: c.arriveAt,
          citizen: c,
          leg: 2,
        });
      }
    }
    for (const sh of opts.plan.shifts) {
      const from = at(opts.day, sh.from, tz);
      const o = office.counters.get(sh.counter);
      if (from <= agenda.now || !o) continue;
      const breaks = sh.break ? [{ from: at(opts.day, sh.break.at, tz), ms: sh.break.minutes * MIN }] : [];
      counters.push({
        id: o.id,
        staffId: null,
        services: o.boosts,
        freeAt: from,
        closesAt: at(opts.day, sh.to, tz),
        drain: closes.has(sh.to),
        breaks,
      });
      visits.push(null);
    }
    const state: OracleState = {
      now: agenda.now,
      counters,
      waiting,
      future,
      serviceId,
      meanMinutes: (code) => mix.mean.get(code)!,
    };
    const knownNow: KnownNow = {
      now: agenda.now,
      counters,
      visits,
      waiting: waiting.map((t) => ({
        id: t.id,
        serviceId: t.serviceId,
        serviceCode: t.leg === 2 ? t.citizen.transfer!.toCode : t.citizen.serviceCode,
        score: t.score,
        arrivedAt: t.citizen.arriveAt,
        leg: t.leg,
        walkIn: t.citizen.appointmentAt === null,
      })),
      drawWalkIns: (rng) =>
        drawDay(opts.plan, opts.day, tz, mix, rng)
          .citizens.filter((c) => c.appointmentAt === null && c.arriveAt > agenda.now && c.arriveAt < until)
          .map((c) => ({ serviceCode: c.serviceCode, arriveAt: c.arriveAt, score: rankOf(c) })),
      booked: bookings
        .filter((b) => !checkedIn.has(`${b.at}:${b.code}`) && b.at + LATEST_CHECK_IN_MINUTES * MIN > agenda.now)
        .map((b) => ({ at: b.at, serviceCode: b.code, score: b.at })),
      mix,
      serviceId,
      truth: opts.oracle?.truth?.length ? { state, use: new Set(opts.oracle.truth) } : undefined,
    };
    return { known: knownWaits(state), bound: boundWaits(state, runs, oracleRng), fair: fairWaits(knownNow, runs, oracleRng) };
  };
  const resolve = (ticketId: string) => {
    const who = byTicket.get(ticketId);
    for (const p of pending.get(ticketId) ?? []) {
      const actual = (agenda.now - p.at) / MIN;
      const first = !firstSample.has(ticketId);
      firstSample.add(ticketId);
      for (const e of ESTIMATORS) {
        const { detail, ...shown } = p.shown[e];
        const s = { ...shown, actual };
        const service = who ? (who.leg === 1 ? who.citizen.serviceCode : (who.citizen.transfer?.toCode ?? '')) : '';
        // With the oracle, the new estimate's sample also carries what the oracle said (`--dump`).
        const withOracle = e === 'new' && p.oracle ? { ...detail, ...p.oracle } : detail;
        samples[e].push({ ...s, at: p.at, first, priority: who?.citizen.priority ?? 'none', service, detail: withOracle });
        if (first) issueSamples[e].push(s);
      }
      if (p.oracle) {
        const actual = (agenda.now - p.at) / MIN;
        if (ORACLES.some((o) => Number.isNaN(p.oracle![o]))) oracleSamples.missing++;
        for (const o of ORACLES) {
          const estimate = p.oracle[o];
          if (!Number.isNaN(estimate)) oracleSamples[o].push({ estimate, low: estimate, high: estimate, actual });
        }
      }
    }
    pending.delete(ticketId);
  };

  const wakeIdle = () => {
    for (const a of agents.values()) if (a.open && !a.busy && !a.paused) agenda.add(agenda.now, () => free(a));
  };

  async function free(a: CounterAgent): Promise<void> {
    if (!a.open || a.busy || a.paused) return;
    const counter = office.counters.get(a.number)!;
    if (a.breakAt !== null && agenda.now >= a.breakAt) {
      a.breakAt = null;
      a.paused = true;
      a.freeAt = agenda.now + a.breakMinutes * MIN;
      await pauseCounter(counter.actor, counter.id, now());
      agenda.add(agenda.now + a.breakMinutes * MIN, async () => {
        a.paused = false;
        await resumeCounter(counter.actor, counter.id, now());
        await free(a);
      });
      return;
    }
    if (a.closeAt !== null && agenda.now >= a.closeAt && !a.drain) {
      a.open = false;
      await closeCounter(counter.actor, counter.id, now());
      return;
    }
    const t = await callNext(counter.actor, counter.id, now());
    if (!t) {
      if (a.closeAt !== null && agenda.now >= a.closeAt) {
        a.open = false;
        await closeCounter(counter.actor, counter.id, now());
      }
      return;
    }
    a.busy = true;
    const who = byTicket.get(t.id)!;
    a.serving = { citizen: who.citizen, leg: who.leg, calledAt: agenda.now };
    if (who.leg === 1) {
      waits += (agenda.now - who.citizen.arriveAt) / MIN;
      called++;
    }
    resolve(t.id);
    calls.push({
      at: agenda.now,
      counter: a.number,
      arrived: who.citizen.arriveAt,
      leg: who.leg,
      priority: who.citizen.priority,
      serviceMinutes: who.citizen.service,
      noShow: who.citizen.noShow,
    });
    const c = who.citizen;
    const done = async () => {
      a.busy = false;
      await free(a);
    };
    if (c.noShow && who.leg === 1) {
      a.freeAt = agenda.now + NO_SHOW_MINUTES.givenUp * MIN;
      agenda.add(agenda.now + NO_SHOW_MINUTES.recall * MIN, async () => void (await recallTicket(counter.actor, t.id, now())));
      agenda.add(agenda.now + NO_SHOW_MINUTES.givenUp * MIN, async () => {
        await noShowTicket(counter.actor, t.id, now());
        await done();
      });
      return;
    }
    const startAt = agenda.now + c.walkUp * MIN;
    agenda.add(startAt, async () => void (await startTicket(counter.actor, t.id, now())));
    if (c.transfer && who.leg === 1) {
      a.freeAt = startAt + c.transfer.firstMinutes * MIN;
      agenda.add(startAt + c.transfer.firstMinutes * MIN, async () => {
        await transferTicket(counter.actor, t.id, { serviceId: serviceId(c.transfer!.toCode) }, now());
        who.leg = 2;
        await done();
        wakeIdle();
      });
      return;
    }
    a.freeAt = startAt + c.service * MIN;
    agenda.add(startAt + c.service * MIN, async () => {
      await completeTicket(counter.actor, t.id, { outcome: 'done' }, now());
      await done();
    });
  }

  // Counters: open at each shift's start, close at its end (after the visit in progress; at a
  // session's closing only once nobody is left in line).
  const closes = new Set(opts.plan.sessions.map((s) => s.closes));
  for (const s of opts.plan.shifts) {
    const counter = office.counters.get(s.counter);
    if (!counter) continue;
    agenda.add(at(opts.day, s.from, tz), async () => {
      const running = agents.get(s.counter);
      if (running?.open) {
        // Still serving the morning's line when the next shift at this counter begins (an
        // overloaded day): the clerk carries on into it rather than opening the counter again.
        running.closeAt = at(opts.day, s.to, tz);
        running.drain = closes.has(s.to);
        running.breakAt = s.break ? at(opts.day, s.break.at, tz) : null;
        running.breakMinutes = s.break?.minutes ?? 0;
        await free(running);
        return;
      }
      const a: CounterAgent = {
        number: s.counter,
        id: counter.id,
        open: true,
        busy: false,
        paused: false,
        closeAt: at(opts.day, s.to, tz),
        drain: closes.has(s.to),
        breakAt: s.break ? at(opts.day, s.break.at, tz) : null,
        breakMinutes: s.break?.minutes ?? 0,
        freeAt: agenda.now,
        serving: null,
      };
      agents.set(s.counter, a);
      await openCounter(counter.actor, counter.id, undefined, now());
      await free(a);
    });
    if (s.break) agenda.add(at(opts.day, s.break.at, tz), async () => void (await free(agents.get(s.counter)!)));
    agenda.add(at(opts.day, s.to, tz), async () => void (await free(agents.get(s.counter)!)));
  }

  for (const c of citizens) {
    agenda.add(c.arriveAt, async () => {
      let ticket: { id: string; code: string };
      if (c.appointmentAt !== null) {
        const answer = await checkIn({ code: bookingCodes.get(`${c.appointmentAt}:${c.serviceCode}`)!, lang: 'it' }, now());
        ticket = answer.ticket;
        // Checked in early: callable from the booked time.
        agenda.add(c.appointmentAt, async () => wakeIdle());
      } else {
        // Walk-ins never draw the appointment priority (scenario.ts PRIORITY_MIX).
        const priority = c.priority as Exclude<typeof c.priority, 'appointment'>;
        ticket = await issueTicket({ serviceId: serviceId(c.serviceCode), priority, lang: 'it' }, now());
      }
      byTicket.set(ticket.id, { citizen: c, code: ticket.code, leg: 1 });
      arrived.add(c);
      if (c.appointmentAt !== null) checkedIn.add(`${c.appointmentAt}:${c.serviceCode}`);
      await record(ticket.id);
      wakeIdle();
      if (c.patience !== null) {
        agenda.add(c.arriveAt + c.patience * MIN, async () => {
          const t = await db.ticket.findUnique({ where: { id: ticket.id }, select: { status: true } });
          if (t?.status !== 'waiting') return;
          await cancelByCode(ticket.code, now());
          pending.delete(ticket.id);
          left++;
        });
      }
    });
  }

  // Every few minutes, the estimate each waiting citizen's phone shows, until the last one is called.
  const first = Math.min(...opts.plan.sessions.map((s) => at(opts.day, s.opens, tz)));
  const lastArrival = citizens.at(-1)?.arriveAt ?? first;
  const sample = (t: number) =>
    agenda.add(t, async () => {
      if (pending.size > 0) await record();
      // A ticket nobody can call would keep the day open: a few hours after the last arrival it ends.
      if (agenda.now < lastArrival || (pending.size > 0 && agenda.now < lastArrival + 4 * 3600_000))
        sample(t + opts.sampleEveryMinutes * MIN);
    });
  sample(first + opts.sampleEveryMinutes * MIN);

  // The office feed as the server runs it (socket/office-feed.ts), on the simulated clock: after a
  // change the office's shared estimate is computed again FLUSH_INTERVAL_MS later (the server's
  // rhythm with a normal queue, whose estimate costs milliseconds), and the screens read that
  // (live-waits.ts) — a ticket just taken gets a newcomer's estimate until then.
  const runtime = rt();
  let flushing = false;
  runtime.officeFeed = {
    changed(officeId) {
      if (flushing) return;
      flushing = true;
      agenda.add(agenda.now + FLUSH_INTERVAL_MS, async () => {
        flushing = false;
        await refreshWaits(officeId, now());
        // The factor just used (cached by the estimate a moment ago: this read changes nothing).
        const { spread } = await officeCalibration(officeId, now());
        const samples = await runtime.redis.llen(runtime.keys.waitErrors(officeId));
        spreads.push({ at: agenda.now, spread, samples });
      });
    },
    stop() {},
  };
  try {
    await agenda.run();
  } finally {
    runtime.officeFeed = null;
  }

  const service = await db.$queryRaw<{ minutes: number | null }[]>`
    SELECT avg(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")) / 60)::float8 AS minutes
    FROM "Ticket" WHERE "officeId" = ${office.officeId} AND day = ${opts.day} AND status = 'completed'`;
  return {
    accuracy: Object.fromEntries(ESTIMATORS.map((e) => [e, accuracy(samples[e])])) as Record<EstimatorName, Accuracy>,
    atIssue: Object.fromEntries(ESTIMATORS.map((e) => [e, accuracy(issueSamples[e])])) as Record<EstimatorName, Accuracy>,
    samples,
    calls,
    spreads,
    visits: citizens.length,
    meanServiceMinutes: service[0]?.minutes ?? 0,
    meanWaitMinutes: called > 0 ? waits / called : 0,
    leftBeforeCalled: left,
    seconds: (Date.now() - started) / 1000,
    oracle: opts.oracle
      ? {
          known: accuracy(oracleSamples.known),
          bound: accuracy(oracleSamples.bound),
          fair: accuracy(oracleSamples.fair),
          missing: oracleSamples.missing,
        }
      : undefined,
  };
}
