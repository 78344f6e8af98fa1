import type { Priority } from '../db/generated/enums';
import { expectedArrivals } from '../forecast/arrivals';
import { rt } from '../runtime';
import { weekdayOf } from '../schedules/slots';
import type { Distribution, OfficeHistory } from './wait-model';

/**
 * What the wait estimate learns from an office's last four weeks, in three grouped queries,
 * cached per office for CACHE_MS of the caller's clock (the estimate runs after every change;
 * this changes slowly):
 * - counter time per visit (call → completion) of each service, shrunk toward the service's
 *   expected minutes × the office's measured ratio when a service has few visits, with a
 *   time-of-day factor where an hour has enough visits;
 * - the no-show share and the counter time a no-show costs;
 * - walk-in arrivals by hour on the same weekday (forecast/arrivals.ts), the service and priority mix.
 */

const WINDOW_DAYS = 28;
const CACHE_MS = 10 * 60_000;
/** Visits a service needs before its own spread is trusted. */
const OWN_SPREAD_SAMPLES = 30;
/** Weight (in visits) of the prior when shrinking a service's mean. */
const PRIOR_VISITS = 10;
/** Visits an hour of the day needs before its own factor is used. */
const HOUR_SAMPLES = 40;
const DEFAULT_CV = 0.7;

export interface HistoryRows {
  /** Per service and local hour of the call: visits, Σ minutes, Σ minutes². */
  visits: { serviceId: string; hour: number; n: number; sum: number; sumSq: number }[];
  noShows: { n: number; minutes: number };
  /** Walk-in tickets per local day (same weekday) and hour. */
  arrivals: { day: string; hour: number; n: number }[];
  mix: { serviceId: string; n: number }[];
  priorities: { priority: Priority; n: number }[];
  /** Expected minutes of the office's services. */
  expected: Map<string, number>;
  showUp?: number;
}

/** The office's history as the estimate needs it: a pure function of the rows (unit-tested). */
export function buildHistory(rows: HistoryRows): OfficeHistory {
  const byService = new Map<string, { n: number; sum: number; sumSq: number }>();
  const byHour = new Map<number, { n: number; sum: number; expected: number }>();
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
    const h = byHour.get(r.hour) ?? { n: 0, sum: 0, expected: 0 };
    h.n += r.n;
    h.sum += r.sum;
    h.expected += r.n * m;
    byHour.set(r.hour, h);
  }
  const hourFactor = (hour: number) => {
    const h = byHour.get(hour);
    if (!h || h.n < HOUR_SAMPLES || h.expected <= 0) return 1;
    return Math.min(1.33, Math.max(0.75, h.sum / h.expected));
  };
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
  const forecast = expectedArrivals({ walkInDays: [...walkInDays.values()] }, new Map());
  const perHour = new Map(forecast.map((f) => [f.hour, f.walkIns]));
  return {
    occupancy,
    noShow: { rate: called > 0 ? rows.noShows.n / called : 0, minutes: rows.noShows.minutes || 2 },
    walkInsPerHour: (hour) => perHour.get(hour) ?? 0,
    serviceMix: rows.mix.filter((m) => m.n > 0).map((m) => ({ item: m.serviceId, weight: m.n })),
    priorityMix: rows.priorities.length
      ? rows.priorities.map((p) => ({ item: p.priority, weight: p.n }))
      : [{ item: 'none', weight: 1 }],
    showUp: rows.showUp ?? 0.85,
  };
}

async function loadRows(officeId: string, timeZone: string, now: Date, today: string): Promise<HistoryRows> {
  const { db } = rt();
  const from = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const weekday = weekdayOf(today) % 7; // PostgreSQL's DOW: Sunday = 0
  const [visits, noShows, arrivals, mix, priorities, services, appointments] = await Promise.all([
    db.$queryRaw<HistoryRows['visits']>`
      SELECT "serviceId", EXTRACT(HOUR FROM (("calledAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text))::int AS hour,
        count(*)::int AS n, sum(m)::float8 AS sum, sum(m * m)::float8 AS "sumSq"
      FROM (SELECT "serviceId", "calledAt", EXTRACT(EPOCH FROM ("finishedAt" - "calledAt")) / 60 AS m
            FROM "Ticket"
            WHERE "officeId" = ${officeId} AND status = 'completed' AND "calledAt" IS NOT NULL
              AND "finishedAt" >= ${from} AND "finishedAt" < ${now}) v
      GROUP BY 1, 2`,
    db.$queryRaw<{ n: number; minutes: number | null }[]>`
      SELECT count(*)::int AS n, avg(EXTRACT(EPOCH FROM ("finishedAt" - "calledAt")) / 60)::float8 AS minutes
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND status = 'no_show' AND "calledAt" IS NOT NULL
        AND "finishedAt" >= ${from} AND "finishedAt" < ${now}`,
    db.$queryRaw<HistoryRows['arrivals']>`
      SELECT day, EXTRACT(HOUR FROM (("issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text))::int AS hour, count(*)::int AS n
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND day < ${today}
        AND EXTRACT(DOW FROM (("issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text)) = ${weekday}
      GROUP BY 1, 2`,
    db.$queryRaw<HistoryRows['mix']>`
      SELECT "originalServiceId" AS "serviceId", count(*)::int AS n
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND "issuedAt" < ${now}
      GROUP BY 1`,
    db.$queryRaw<HistoryRows['priorities']>`
      SELECT priority, count(*)::int AS n
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND "issuedAt" < ${now}
      GROUP BY 1`,
    db.service.findMany({ where: { officeId }, select: { id: true, expectedMinutes: true } }),
    db.appointment.groupBy({
      by: ['status'],
      where: { officeId, startsAt: { gte: from, lt: now }, status: { in: ['checked_in', 'no_show'] } },
      _count: { _all: true },
    }),
  ]);
  const came = appointments.find((a) => a.status === 'checked_in')?._count._all ?? 0;
  const missed = appointments.find((a) => a.status === 'no_show')?._count._all ?? 0;
  return {
    visits,
    noShows: { n: noShows[0]?.n ?? 0, minutes: noShows[0]?.minutes ?? 2 },
    arrivals,
    mix,
    priorities,
    expected: new Map(services.map((s) => [s.id, s.expectedMinutes])),
    showUp: came + missed >= 10 ? came / (came + missed) : undefined,
  };
}

const cache = new Map<string, { at: number; day: string; history: OfficeHistory }>();

/** The office's history as of `now` (local day `today`), cached for a while. */
export async function officeHistory(officeId: string, timeZone: string, now: Date, today: string): Promise<OfficeHistory> {
  const hit = cache.get(officeId);
  const t = now.getTime();
  if (hit && hit.day === today && t >= hit.at && t - hit.at < CACHE_MS) return hit.history;
  const history = buildHistory(await loadRows(officeId, timeZone, now, today));
  cache.set(officeId, { at: t, day: today, history });
  return history;
}

/** Forget cached histories (tests that rewrite an office's past). */
export function clearHistoryCache(): void {
  cache.clear();
}
