import { DateTime } from 'luxon';
import { Prisma } from '../db/generated/client';
import { resolveOffice } from '../offices';
import { rt } from '../runtime';
import { emptyFigures } from './figures';
import type { GroupBy, StatsFigures, StatsQuery, StatsResult, StatsRow } from '../../contract/stats';
import { rangeBounds } from './params';
import { textOf } from '../db/texts';

type RawRow = {
  key: string | null;
  is_total: number;
  issued: number;
  served: number;
  no_show: number;
  cancelled: number;
  transferred: number;
  called: number;
  within_target: number;
  wait_p50: number | null;
  wait_p90: number | null;
  service_p50: number | null;
  service_p90: number | null;
  appt_booked: number;
  appt_checked_in: number;
  appt_cancelled: number;
  appt_no_show: number;
};

/** The grouping key of a fact, in SQL. Fixed strings only: never built from input. */
function keyExpression(groupBy: GroupBy): Prisma.Sql {
  switch (groupBy) {
    case 'day':
      return Prisma.sql`to_char(local_at, 'YYYY-MM-DD')`;
    case 'hour':
      return Prisma.sql`to_char(local_at, 'HH24')`;
    case 'service':
      return Prisma.sql`"serviceId"`;
    case 'counter':
      return Prisma.sql`"counterId"`;
    case 'staff':
      return Prisma.sql`"staffId"`;
  }
}

/**
 * Statistics of one office over local days [from, to], grouped by day, hour of day, service,
 * counter or clerk, computed in one SQL pass over the TicketEvent log (definitions in
 * figures.ts). The events of the range are selected by time (an index range on officeId, at);
 * for waits and service times the earlier events of the same tickets are read as well, since a
 * wait may begin before the range.
 */
export async function officeStats(q: StatsQuery): Promise<StatsResult> {
  const office = await resolveOffice(q.officeId);
  const tz = office.timeZone;
  const { start, end } = rangeBounds(q.from, q.to, tz);
  const key = keyExpression(q.groupBy);
  const raw = await rt().db.$queryRaw<RawRow[]>`
    WITH tickets AS (
      SELECT DISTINCT "ticketId" FROM "TicketEvent"
      WHERE "officeId" = ${office.id} AND at >= ${start} AND at < ${end}
    ),
    seq AS (
      -- Every event of those tickets, with what happened before it (in log order: time, then id).
      SELECT e.id, e."ticketId", e.type, e.at, e."serviceId", e."counterId", e."staffId",
        min(e.at) FILTER (WHERE e.type = 'issued') OVER whole AS issued_at,
        count(*) FILTER (WHERE e.type = 'called') OVER before AS calls_before,
        max(e.at) FILTER (WHERE e.type = 'called') OVER before AS last_called,
        max(e.at) FILTER (WHERE e.type = 'started') OVER before AS last_started
      -- A ticket belongs to one office: the join alone selects its events (by the ticketId index).
      FROM "TicketEvent" e JOIN tickets t ON t."ticketId" = e."ticketId"
      WINDOW whole AS (PARTITION BY e."ticketId"),
             before AS (PARTITION BY e."ticketId" ORDER BY e.at, e.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ),
    facts AS (
      -- Counted events.
      SELECT type::text AS kind, at, "serviceId", "counterId", "staffId", NULL::float8 AS minutes, NULL::boolean AS within
      FROM seq
      WHERE at >= ${start} AND at < ${end} AND type IN ('issued', 'completed', 'no_show', 'cancelled', 'transferred')
      UNION ALL
      -- Waits: issued -> first call, attributed to the call.
      SELECT 'wait', s.at, s."serviceId", s."counterId", s."staffId",
        (EXTRACT(EPOCH FROM (s.at - s.issued_at)) / 60)::float8,
        (s.at - s.issued_at) <= make_interval(mins => svc."targetWaitMinutes")
      FROM seq s JOIN "Service" svc ON svc.id = s."serviceId"
      WHERE s.type = 'called' AND s.calls_before = 0 AND s.issued_at IS NOT NULL AND s.at >= ${start} AND s.at < ${end}
      UNION ALL
      -- Service times: start of the visit (its start, else its call) -> completion.
      -- GREATEST skips a NULL last_started; a start before the last call belongs to an earlier visit.
      SELECT 'visit', at, "serviceId", "counterId", "staffId",
        (EXTRACT(EPOCH FROM (at - GREATEST(last_called, last_started))) / 60)::float8, NULL
      FROM seq
      WHERE type = 'completed' AND last_called IS NOT NULL AND at >= ${start} AND at < ${end}
      UNION ALL
      -- Appointments: their write-once transition times (figures.ts). No counter: not served yet.
      SELECT f.kind, f.at, a."serviceId", NULL, f."staffId", NULL, NULL
      FROM "Appointment" a
      CROSS JOIN LATERAL (VALUES
        ('appt_booked', a."createdAt", a."bookedByStaffId"),
        ('appt_checked_in', a."checkedInAt", NULL),
        ('appt_cancelled', a."cancelledAt", NULL),
        ('appt_no_show', a."noShowAt", NULL)
      ) AS f(kind, at, "staffId")
      WHERE a."officeId" = ${office.id} AND f.at >= ${start} AND f.at < ${end}
    ),
    keyed AS (
      SELECT *, ((at AT TIME ZONE 'UTC') AT TIME ZONE ${tz}::text) AS local_at FROM facts
    )
    SELECT ${key} AS key, GROUPING(${key})::int AS is_total,
      count(*) FILTER (WHERE kind = 'issued')::int AS issued,
      count(*) FILTER (WHERE kind = 'completed')::int AS served,
      count(*) FILTER (WHERE kind = 'no_show')::int AS no_show,
      count(*) FILTER (WHERE kind = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE kind = 'transferred')::int AS transferred,
      count(*) FILTER (WHERE kind = 'wait')::int AS called,
      count(*) FILTER (WHERE kind = 'wait' AND within)::int AS within_target,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE kind = 'wait') AS wait_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE kind = 'wait') AS wait_p90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE kind = 'visit') AS service_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE kind = 'visit') AS service_p90,
      count(*) FILTER (WHERE kind = 'appt_booked')::int AS appt_booked,
      count(*) FILTER (WHERE kind = 'appt_checked_in')::int AS appt_checked_in,
      count(*) FILTER (WHERE kind = 'appt_cancelled')::int AS appt_cancelled,
      count(*) FILTER (WHERE kind = 'appt_no_show')::int AS appt_no_show
    FROM keyed
    GROUP BY GROUPING SETS ((${key}), ())`;

  const figures = (r: RawRow | undefined): StatsFigures =>
    r
      ? {
          issued: r.issued,
          served: r.served,
          noShow: r.no_show,
          cancelled: r.cancelled,
          transferred: r.transferred,
          called: r.called,
          withinTarget: r.within_target,
          serviceLevel: r.called > 0 ? r.within_target / r.called : null,
          waitP50: r.wait_p50,
          waitP90: r.wait_p90,
          serviceP50: r.service_p50,
          serviceP90: r.service_p90,
          apptBooked: r.appt_booked,
          apptCheckedIn: r.appt_checked_in,
          apptCancelled: r.appt_cancelled,
          apptNoShow: r.appt_no_show,
        }
      : emptyFigures();

  const byKey = new Map(raw.filter((r) => r.is_total === 0).map((r) => [r.key, r]));
  const rows = await labelledRows(q, office.id, byKey, figures);
  return {
    office: { id: office.id, name: textOf(office.name), timeZone: tz },
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    rows,
    total: figures(raw.find((r) => r.is_total === 1)),
  };
}

/** Rows in a useful order with names; every day (or hour between the first and last) appears, with zeros. */
async function labelledRows(
  q: StatsQuery,
  officeId: string,
  byKey: Map<string | null, RawRow>,
  figures: (r: RawRow | undefined) => StatsFigures,
): Promise<StatsRow[]> {
  const { db } = rt();
  // Days, hours, counters and clerks are not translated: one text, read the same in every language.
  const plain = (k: string) => ({ it: k });
  if (q.groupBy === 'day') {
    const out: StatsRow[] = [];
    for (let d = DateTime.fromISO(q.from); d.toISODate()! <= q.to; d = d.plus({ days: 1 })) {
      const k = d.toISODate()!;
      out.push({ key: k, name: plain(k), ...figures(byKey.get(k)) });
    }
    return out;
  }
  if (q.groupBy === 'hour') {
    const hours = [...byKey.keys()].filter((k): k is string => k !== null).map(Number);
    if (hours.length === 0) return [];
    const out: StatsRow[] = [];
    for (let h = Math.min(...hours); h <= Math.max(...hours); h++) {
      const k = String(h).padStart(2, '0');
      out.push({ key: k, name: plain(`${k}:00`), ...figures(byKey.get(k)) });
    }
    return out;
  }
  const ids = [...byKey.keys()].filter((k): k is string => k !== null);
  const none = byKey.has(null) ? [{ key: null, name: null, ...figures(byKey.get(null)) }] : [];
  if (q.groupBy === 'service') {
    // Every desk service of the office is listed, also the quiet ones; others only with data.
    const services = await db.service.findMany({
      where: { OR: [{ id: { in: ids } }, { officeId, mode: 'desk', active: true }] },
      select: { id: true, prefix: true, name: true },
      orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    });
    return [
      ...services.map((s) => ({
        key: s.id,
        name: textOf(s.name),
        prefix: s.prefix,
        ...figures(byKey.get(s.id)),
      })),
      ...none,
    ];
  }
  if (q.groupBy === 'counter') {
    const counters = await db.counter.findMany({
      where: { OR: [{ id: { in: ids } }, { officeId }] },
      orderBy: { number: 'asc' },
      select: { id: true, name: true },
    });
    return [...counters.map((c) => ({ key: c.id, name: plain(c.name), ...figures(byKey.get(c.id)) })), ...none];
  }
  const staff = await db.staff.findMany({
    where: { id: { in: ids } },
    orderBy: { displayName: 'asc' },
    select: { id: true, displayName: true },
  });
  return [...staff.map((s) => ({ key: s.id, name: plain(s.displayName), ...figures(byKey.get(s.id)) })), ...none];
}
