import type { Forecast, ForecastDay, ForecastHour } from '../../contract/forecast';
import { buildStaffing, type HistoryRows } from '../estimates/history';
import { arrivals, lognormal, pick, seeded } from '../estimates/random';
import { playForward, type SimCounter, type SimTicket } from '../estimates/simulate-wait';
import { walkInRules, walkInRulesInclude } from '../offices/walk-in';
import { resolveOffice } from '../offices';
import { rt } from '../runtime';
import { textOf } from '../db/texts';
import { addDays, closedReason, localDay, wallClock, weekdayOf } from '../schedules/slots';
import { expectedArrivals } from '../estimates/arrivals';
import { serviceLevel, type Workload } from './erlang-c';

/**
 * How many counters each hour of the coming days needs. Expected arrivals per hour come from the
 * same weekday of the last weeks plus the appointments already booked (estimates/arrivals.ts); the
 * counters needed are the fewest that serve the supervisor's share of citizens within their
 * service's target wait by Erlang C (one hour in a steady state). Queues carry over from a busy
 * hour into the next, which Erlang C cannot see, so the day is then simulated with those counters
 * (estimates/simulate-wait.ts, the call-next policy) and an hour that misses the share gets one
 * more counter, until it does or the office has no more. Next to it: the counters usually open at
 * that hour on that weekday, from the counters' log.
 */

const WEEKS = 8;
const SERVICE_WINDOW_DAYS = 28;
const RUNS = 16;
const MAX_ROUNDS = 6;
const MINUTE = 60_000;
/** The simulated share may fall short by this much (simulation noise) before a counter is added. */
const TOLERANCE = 0.02;

export interface Target {
  minutes: number;
  weight: number;
}

/** Share of citizens served within their target with `counters` open, over the mix of targets. */
export function mixedServiceLevel(counters: number, work: Workload, targets: readonly Target[]): number {
  const total = targets.reduce((n, t) => n + t.weight, 0) || 1;
  return targets.reduce((sl, t) => sl + (t.weight / total) * serviceLevel(counters, work, t.minutes), 0);
}

/** The fewest counters (up to `max`) reaching `share`; 0 when nobody is expected. */
export function erlangCounters(work: Workload, targets: readonly Target[], share: number, max: number): number {
  if (work.arrivalsPerHour <= 0) return 0;
  for (let c = 1; c <= max; c++) if (mixedServiceLevel(c, work, targets) >= share) return c;
  return max;
}

export interface DayToStaff {
  /** Local hour → expected arrivals. */
  hours: { hour: number; arrivals: number }[];
  serviceMinutes: number;
  serviceCv: number;
  targets: readonly Target[];
  share: number;
  maxCounters: number;
  seed: number;
}

/**
 * Simulates the day with `counters[i]` desks during hour i: arrivals drawn hour by hour, visits
 * drawn from the service-time spread, everybody served first come first served, the line served
 * out after the last hour. Returns the share served within target per hour of arrival.
 */
export function simulatedShares(day: DayToStaff, counters: readonly number[]): (number | null)[] {
  const hours = day.hours;
  const first = hours[0]!.hour;
  const within = hours.map(() => 0);
  const total = hours.map(() => 0);
  const rng = seeded(day.seed);
  const targets = day.targets.map((t) => ({ item: t.minutes, weight: t.weight }));
  const rate = new Map(hours.map((h) => [h.hour, h.arrivals]));
  // One desk per level: open during the hours that need at least that many.
  const desks: SimCounter[] = [];
  const top = Math.max(0, ...counters);
  for (let level = 1; level <= top; level++) {
    let start: number | null = null;
    for (let i = 0; i <= hours.length; i++) {
      const open = i < hours.length && counters[i]! >= level;
      if (open && start === null) start = i;
      if (!open && start !== null) {
        desks.push({
          id: `d${level}-${start}`,
          staffId: null,
          services: new Map([['all', 0]]),
          freeAt: (hours[start]!.hour - first) * 60 * MINUTE,
          closesAt: (hours[i - 1]!.hour - first + 1) * 60 * MINUTE,
          // The desks open at the end of the day serve who is still in line.
          drain: i === hours.length,
        });
        start = null;
      }
    }
  }
  for (let r = 0; r < RUNS; r++) {
    const tickets: (SimTicket & { hourIndex: number; target: number })[] = [];
    const perHour = (minute: number) => rate.get(first + Math.floor(minute / 60)) ?? 0;
    for (const m of arrivals(rng, perHour, 0, hours.length * 60)) {
      const at = m * MINUTE;
      tickets.push({
        id: String(tickets.length).padStart(6, '0'),
        serviceId: 'all',
        score: at,
        arrivesAt: at,
        occupancy: lognormal(rng, day.serviceMinutes, day.serviceCv) * MINUTE,
        hourIndex: Math.floor(m / 60),
        target: targets.length ? pick(rng, targets) : 20,
      });
    }
    if (tickets.length === 0) continue;
    const res = playForward(
      desks.map((d) => ({ ...d })),
      tickets,
    );
    tickets.forEach((t, i) => {
      const called = res.calledAt[i]!;
      total[t.hourIndex]!++;
      if (Number.isFinite(called) && called - t.arrivesAt <= t.target * MINUTE) within[t.hourIndex]!++;
    });
  }
  return hours.map((_, i) => (total[i]! > 0 ? within[i]! / total[i]! : null));
}

/** Erlang C per hour, then more counters where the simulated day misses the share. */
export function staffDay(day: DayToStaff): { erlangC: number[]; needed: number[]; shares: (number | null)[] } {
  const erlangC = day.hours.map((h) =>
    erlangCounters({ arrivalsPerHour: h.arrivals, serviceMinutes: day.serviceMinutes }, day.targets, day.share, day.maxCounters),
  );
  const needed = [...erlangC];
  let shares = simulatedShares(day, needed);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let raised = false;
    shares.forEach((s, i) => {
      if (s !== null && s < day.share - TOLERANCE && needed[i]! < day.maxCounters) {
        needed[i]!++;
        raised = true;
      }
    });
    if (!raised) break;
    shares = simulatedShares(day, needed);
  }
  return { erlangC, needed, shares };
}

const cache = new Map<string, { at: number; forecast: Forecast }>();
const CACHE_MS = 10 * 60_000;

export async function staffingForecast(
  q: { officeId?: string; days: number; share: number },
  now = new Date(),
): Promise<Forecast> {
  const office = await resolveOffice(q.officeId);
  const key = `${office.id}|${q.days}|${q.share}`;
  const hit = cache.get(key);
  if (hit && now.getTime() >= hit.at && now.getTime() - hit.at < CACHE_MS) return hit.forecast;
  const { db } = rt();
  const tz = office.timeZone;
  const today = localDay(now, tz);
  const fromDay = addDays(today, -WEEKS * 7);
  const from = new Date(now.getTime() - (WEEKS * 7 + 1) * 86_400_000);
  const serviceFrom = new Date(now.getTime() - SERVICE_WINDOW_DAYS * 86_400_000);
  const lastDay = addDays(today, q.days);
  const [rules, arrivalRows, booked, shows, service, mix, counterEvents, counters] = await Promise.all([
    db.office.findUniqueOrThrow({ where: { id: office.id }, include: walkInRulesInclude(now) }),
    db.$queryRaw<{ day: string; hour: number; n: number }[]>`
      SELECT day, EXTRACT(HOUR FROM (("issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}::text))::int AS hour, count(*)::int AS n
      FROM "Ticket"
      WHERE "officeId" = ${office.id} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND day >= ${fromDay} AND day < ${today}
      GROUP BY 1, 2`,
    db.$queryRaw<{ day: string; hour: number; n: number }[]>`
      SELECT day, EXTRACT(HOUR FROM (("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}::text))::int AS hour, count(*)::int AS n
      FROM "Appointment"
      WHERE "officeId" = ${office.id} AND status = 'booked' AND day > ${today} AND day <= ${lastDay}
      GROUP BY 1, 2`,
    db.appointment.groupBy({
      by: ['status'],
      where: { officeId: office.id, startsAt: { gte: from, lt: now }, status: { in: ['checked_in', 'no_show'] } },
      _count: { _all: true },
    }),
    db.$queryRaw<{ mean: number | null; cv: number | null }[]>`
      SELECT avg(m)::float8 AS mean, (stddev_pop(m) / nullif(avg(m), 0))::float8 AS cv
      FROM (SELECT EXTRACT(EPOCH FROM ("finishedAt" - "calledAt")) / 60 AS m FROM "Ticket"
            WHERE "officeId" = ${office.id} AND status IN ('completed', 'no_show') AND "calledAt" IS NOT NULL
              AND "finishedAt" >= ${serviceFrom} AND "finishedAt" < ${now}) v`,
    db.$queryRaw<{ minutes: number; n: number }[]>`
      SELECT s."targetWaitMinutes" AS minutes, count(*)::int AS n
      FROM "Ticket" t JOIN "Service" s ON s.id = t."originalServiceId"
      WHERE t."officeId" = ${office.id} AND t.priority <> 'appointment' AND t."issuedAt" >= ${from} AND t."issuedAt" < ${now}
      GROUP BY 1`,
    db.$queryRaw<(HistoryRows['counterEvents'][number] & { dow: number })[]>`
      SELECT "counterId", type, to_char(l, 'YYYY-MM-DD') AS day, (EXTRACT(EPOCH FROM l::time) / 60)::float8 AS minute,
        EXTRACT(ISODOW FROM l)::int AS dow
      FROM (SELECT "counterId", type, ((at AT TIME ZONE 'UTC') AT TIME ZONE ${tz}::text) AS l
            FROM "CounterEvent" WHERE "officeId" = ${office.id} AND at >= ${from} AND at < ${now}) e
      WHERE to_char(l, 'YYYY-MM-DD') >= ${fromDay} AND to_char(l, 'YYYY-MM-DD') < ${today}
      ORDER BY l`,
    db.counter.count({ where: { officeId: office.id } }),
  ]);
  const came = shows.find((s) => s.status === 'checked_in')?._count._all ?? 0;
  const missed = shows.find((s) => s.status === 'no_show')?._count._all ?? 0;
  const showUpRate = came + missed >= 10 ? came / (came + missed) : undefined;
  const serviceMinutes = service[0]?.mean ?? 10;
  const serviceCv = service[0]?.cv ?? 0.7;
  const fallbackTarget = 20;
  const targets = mix.length ? mix.map((m) => ({ minutes: m.minutes, weight: m.n })) : [{ minutes: fallbackTarget, weight: 1 }];
  const walkIn = walkInRules(rules);

  const days: ForecastDay[] = [];
  for (let i = 1; i <= q.days; i++) {
    const day = addDays(today, i);
    const weekday = weekdayOf(day);
    const ranges = walkIn.hours.filter((h) => h.weekday === weekday);
    const closedDay = closedReason(day, walkIn.closures);
    if (ranges.length === 0 || closedDay) {
      days.push({ day, weekday, closed: closedDay ? closedDay.kind : 'no_hours', hours: [] });
      continue;
    }
    // Hours overlapping the walk-in ranges.
    const open = new Set<number>();
    for (const r of ranges) {
      const opens = wallClock(day, r.opens, tz);
      const closes = wallClock(day, r.closes, tz);
      for (let t = opens.startOf('hour'); t < closes; t = t.plus({ hours: 1 })) open.add(t.hour);
    }
    const sameWeekday = new Map<string, Map<number, number>>();
    for (const r of arrivalRows) {
      if (weekdayOf(r.day) !== weekday) continue;
      const m = sameWeekday.get(r.day) ?? new Map<number, number>();
      m.set(r.hour, r.n);
      sameWeekday.set(r.day, m);
    }
    const bookedHours = new Map(booked.filter((b) => b.day === day).map((b) => [b.hour, b.n]));
    const expected = new Map(
      expectedArrivals({ walkInDays: [...sameWeekday.values()], showUpRate }, bookedHours).map((f) => [f.hour, f]),
    );
    const staffing = buildStaffing(counterEvents.filter((e) => e.dow === weekday));
    const counterIds = [...new Set(counterEvents.filter((e) => e.dow === weekday).map((e) => e.counterId))];
    const planned = (hour: number) =>
      counterIds.reduce((n, id) => {
        let sum = 0;
        for (let m = 0; m < 60; m += 15) sum += staffing.working(id, hour * 60 + m) ?? 0;
        return n + sum / 4;
      }, 0);
    const hours = [...open].sort((a, b) => a - b);
    const plan = staffDay({
      hours: hours.map((hour) => ({ hour, arrivals: expected.get(hour)?.total ?? 0 })),
      serviceMinutes,
      serviceCv,
      targets,
      share: q.share,
      maxCounters: Math.max(1, counters),
      seed: Number(day.replaceAll('-', '')),
    });
    days.push({
      day,
      weekday,
      closed: null,
      hours: hours.map((hour, k): ForecastHour => ({
        hour,
        walkIns: round1(expected.get(hour)?.walkIns ?? 0),
        appointments: round1(expected.get(hour)?.appointments ?? 0),
        arrivals: round1(expected.get(hour)?.total ?? 0),
        countersNeeded: plan.needed[k]!,
        erlangC: plan.erlangC[k]!,
        simulatedShare: plan.shares[k] === null ? null : Math.round(plan.shares[k]! * 100) / 100,
        countersPlanned: round1(planned(hour)),
      })),
    });
  }
  const forecast: Forecast = {
    office: { id: office.id, name: textOf(office.name), timeZone: tz },
    share: q.share,
    serviceMinutes: round1(serviceMinutes),
    targets: targets.map((t) => ({ minutes: t.minutes, weight: t.weight })),
    counters,
    weeks: WEEKS,
    days,
  };
  cache.set(key, { at: now.getTime(), forecast });
  return forecast;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Forget cached forecasts (tests that write a new history). */
export function clearForecastCache(): void {
  cache.clear();
}
