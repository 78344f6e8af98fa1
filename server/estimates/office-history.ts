import { rt } from '../runtime';
import { addDays, weekdayOf } from '../schedules/slots';
import { buildHistory, LEAVE_BINS, type HistoryRows } from './history';
import type { OfficeHistory } from './wait-model';

/**
 * An office's history rows (history.ts) read from the database, in a round of grouped queries,
 * and the history built from them, cached per office for CACHE_MS of the caller's clock (the
 * estimate runs after every change; this changes slowly). Apart from history.ts so that the
 * estimate's thread (estimate-worker.ts), which only builds, loads none of the database's modules.
 */

const WINDOW_DAYS = 28;
const CACHE_MS = 10 * 60_000;

async function loadRows(officeId: string, timeZone: string, now: Date, today: string): Promise<HistoryRows> {
  const { db } = rt();
  const from = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  // Per-day figures count whole local days only: a day cut by the window would drag the means down.
  const fromDay = addDays(today, -WINDOW_DAYS);
  const dayBefore = new Date(from.getTime() - 86_400_000);
  const weekday = weekdayOf(today) % 7; // PostgreSQL's DOW: Sunday = 0
  const bins = LEAVE_BINS.map((from, i) => ({ from, to: LEAVE_BINS[i + 1] ?? 100_000 }));
  // Grouped rows in a fixed order: the runs pick services and priorities from the mixes by a
  // seeded draw, so rows in hash order would make the same state give another answer.
  const [
    visits,
    noShows,
    recalled,
    transfers,
    leaving,
    leavingByWait,
    arrivals,
    mix,
    priorities,
    services,
    appointments,
    counterEvents,
  ] = await Promise.all([
    db.$queryRaw<HistoryRows['visits']>`
      SELECT "serviceId", EXTRACT(HOUR FROM (("calledAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text))::int AS hour,
        count(*)::int AS n, sum(m)::float8 AS sum, sum(m * m)::float8 AS "sumSq"
      FROM (SELECT "serviceId", "calledAt", EXTRACT(EPOCH FROM ("finishedAt" - "calledAt")) / 60 AS m
            FROM "Ticket"
            WHERE "officeId" = ${officeId} AND status = 'completed' AND "calledAt" IS NOT NULL
              AND "finishedAt" >= ${from} AND "finishedAt" < ${now}) v
      GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<{ n: number; minutes: number | null }[]>`
      SELECT count(*)::int AS n, avg(EXTRACT(EPOCH FROM ("finishedAt" - "calledAt")) / 60)::float8 AS minutes
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND status = 'no_show' AND "calledAt" IS NOT NULL
        AND "finishedAt" >= ${from} AND "finishedAt" < ${now}`,
    db.$queryRaw<{ n: number; noShows: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'no_show')::int AS "noShows"
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND "recallCount" > 0 AND status IN ('completed', 'no_show')
        AND "finishedAt" >= ${from} AND "finishedAt" < ${now}`,
    db.$queryRaw<{ n: number; minutes: number | null }[]>`
      SELECT count(*)::int AS n, avg(EXTRACT(EPOCH FROM (e.at - c.at)) / 60)::float8 AS minutes
      FROM "TicketEvent" e
      JOIN LATERAL (SELECT at FROM "TicketEvent" c
                    WHERE c."ticketId" = e."ticketId" AND c.type = 'called' AND c.at <= e.at
                    ORDER BY c.at DESC LIMIT 1) c ON true
      WHERE e."officeId" = ${officeId} AND e.type = 'transferred' AND e.at >= ${from} AND e.at < ${now}
        AND coalesce(e.data ->> 'moved', 'false') <> 'true'`,
    db.$queryRaw<{ n: number; minutes: number | null }[]>`
      SELECT count(*) FILTER (WHERE status = 'cancelled')::int AS n,
        sum(EXTRACT(EPOCH FROM ((CASE WHEN status = 'cancelled' THEN "finishedAt" ELSE "calledAt" END) - "issuedAt")) / 60)::float8 AS minutes
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND "issuedAt" < ${now}
        AND (status = 'cancelled' OR "calledAt" IS NOT NULL)`,
    db.$queryRaw<{ from: number; n: number; minutes: number | null }[]>`
      SELECT b."from", count(*) FILTER (WHERE w.cancelled AND w.m >= b."from" AND w.m < b."to")::int AS n,
        sum(greatest(0, least(w.m, b."to") - b."from"))::float8 AS minutes
      FROM (SELECT status = 'cancelled' AS cancelled,
              EXTRACT(EPOCH FROM ((CASE WHEN status = 'cancelled' THEN "finishedAt" ELSE "calledAt" END) - "issuedAt")) / 60 AS m
            FROM "Ticket"
            WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND "issuedAt" < ${now}
              AND (status = 'cancelled' OR "calledAt" IS NOT NULL)) w
      CROSS JOIN (SELECT * FROM unnest(${bins.map((b) => b.from)}::int[], ${bins.map((b) => b.to)}::int[]) AS b("from", "to")) b
      GROUP BY 1`,
    db.$queryRaw<HistoryRows['arrivals']>`
      SELECT day, EXTRACT(HOUR FROM (("issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text))::int AS hour, count(*)::int AS n
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${dayBefore} AND day >= ${fromDay} AND day < ${today}
        AND EXTRACT(DOW FROM (("issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text)) = ${weekday}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<HistoryRows['mix']>`
      SELECT "originalServiceId" AS "serviceId", count(*)::int AS n
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND "issuedAt" < ${now}
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<HistoryRows['priorities']>`
      SELECT priority, count(*)::int AS n
      FROM "Ticket"
      WHERE "officeId" = ${officeId} AND priority <> 'appointment' AND "issuedAt" >= ${from} AND "issuedAt" < ${now}
      GROUP BY 1 ORDER BY 1`,
    db.service.findMany({ where: { officeId }, select: { id: true, expectedMinutes: true } }),
    db.appointment.groupBy({
      by: ['status'],
      where: { officeId, startsAt: { gte: from, lt: now }, status: { in: ['checked_in', 'no_show'] } },
      _count: { _all: true },
    }),
    db.$queryRaw<HistoryRows['counterEvents']>`
      SELECT "counterId", type, to_char(l, 'YYYY-MM-DD') AS day, (EXTRACT(EPOCH FROM l::time) / 60)::float8 AS minute
      FROM (SELECT "counterId", type, ((at AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text) AS l
            FROM "CounterEvent" WHERE "officeId" = ${officeId} AND at >= ${dayBefore} AND at < ${now}) e
      WHERE to_char(l, 'YYYY-MM-DD') >= ${fromDay} AND to_char(l, 'YYYY-MM-DD') < ${today} AND EXTRACT(DOW FROM l) = ${weekday}
      ORDER BY l`,
  ]);
  const came = appointments.find((a) => a.status === 'checked_in')?._count._all ?? 0;
  const missed = appointments.find((a) => a.status === 'no_show')?._count._all ?? 0;
  return {
    visits,
    noShows: { n: noShows[0]?.n ?? 0, minutes: noShows[0]?.minutes ?? 2 },
    recalled: { n: recalled[0]?.n ?? 0, noShows: recalled[0]?.noShows ?? 0 },
    transfers: { n: transfers[0]?.n ?? 0, minutes: transfers[0]?.minutes ?? 3 },
    leaving: { n: leaving[0]?.n ?? 0, minutes: leaving[0]?.minutes ?? 0 },
    leavingByWait: leavingByWait.map((b) => ({ from: b.from, n: b.n, minutes: b.minutes ?? 0 })),
    arrivals,
    mix,
    priorities,
    expected: new Map(services.map((s) => [s.id, s.expectedMinutes])),
    showUp: came + missed >= 10 ? came / (came + missed) : undefined,
    counterEvents,
  };
}

export interface HistoryEntry {
  history: OfficeHistory;
  /** What it was built from, and a number that changes with them: the estimate's thread builds its own copy once per version (estimate-thread.ts). */
  rows: HistoryRows;
  version: number;
}

const cache = new Map<string, HistoryEntry & { at: number; day: string }>();
let versions = 0;

/** The office's history as of `now` (local day `today`), cached for a while. */
export async function officeHistory(officeId: string, timeZone: string, now: Date, today: string): Promise<HistoryEntry> {
  const hit = cache.get(officeId);
  const t = now.getTime();
  if (hit && hit.day === today && t >= hit.at && t - hit.at < CACHE_MS) return hit;
  const rows = await loadRows(officeId, timeZone, now, today);
  const entry = { at: t, day: today, history: buildHistory(rows), rows, version: ++versions };
  cache.set(officeId, entry);
  return entry;
}

/** Forget cached histories (tests that rewrite an office's past). */
export function clearHistoryCache(): void {
  cache.clear();
}
