import { WAITS_LICENCE, type BestTimeCell, type PublicWaits } from '../../contract/waits';
import { notFound } from '../errors';
import { textOf } from '../db/texts';
import { walkInStatusAt } from '../offices/opening';
import { walkInRules, walkInRulesInclude } from '../offices/walk-in';
import { ensureBuilt } from '../queue/engine';
import { queueInfos } from '../estimates/queue-infos';
import { rt } from '../runtime';

/**
 * Live waits for everyone (the `/attese` page, the town's website, open-data portals): per office
 * with walk-in services, whether tickets are issued now and, per service, people waiting and the
 * estimated wait (server/estimates); and "best time to come", the median wait by weekday and hour
 * over the last BEST_TIME_WEEKS weeks. No personal data: counts and minutes only.
 */

export const BEST_TIME_WEEKS = 8;
/** A cell of the chart needs this many tickets before its median says anything. */
const MIN_TICKETS = 5;
const BEST_TIME_CACHE_MS = 3600_000;

const bestTimeCache = new Map<string, { at: number; cells: BestTimeCell[] }>();

/** Median wait (issued → first call) of walk-in tickets by local weekday and hour, from the event log. */
export async function bestTime(officeId: string, timeZone: string, now: Date): Promise<BestTimeCell[]> {
  const hit = bestTimeCache.get(officeId);
  const t = now.getTime();
  if (hit && t >= hit.at && t - hit.at < BEST_TIME_CACHE_MS) return hit.cells;
  const from = new Date(t - BEST_TIME_WEEKS * 7 * 86_400_000);
  const rows = await rt().db.$queryRaw<{ weekday: number; hour: number; median: number; n: number }[]>`
    WITH firsts AS (
      SELECT "ticketId",
        min(at) FILTER (WHERE type = 'issued' AND coalesce(data ->> 'priority', 'none') <> 'appointment') AS issued,
        min(at) FILTER (WHERE type = 'called') AS called
      FROM "TicketEvent"
      WHERE "officeId" = ${officeId} AND at >= ${from} AND at < ${now}
      GROUP BY "ticketId"
    ),
    waits AS (
      SELECT ((issued AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text) AS l, EXTRACT(EPOCH FROM (called - issued)) / 60 AS m
      FROM firsts WHERE issued IS NOT NULL AND called IS NOT NULL
    )
    SELECT EXTRACT(ISODOW FROM l)::int AS weekday, EXTRACT(HOUR FROM l)::int AS hour,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY m)::float8 AS median, count(*)::int AS n
    FROM waits GROUP BY 1, 2 ORDER BY 1, 2`;
  const cells = rows.map((r) => ({
    weekday: r.weekday,
    hour: r.hour,
    medianWaitMinutes: r.n >= MIN_TICKETS ? Math.round(r.median * 10) / 10 : null,
    tickets: r.n,
  }));
  bestTimeCache.set(officeId, { at: t, cells });
  return cells;
}

/** Forget cached charts (tests that write a new history). */
export function clearBestTimeCache(): void {
  bestTimeCache.clear();
}

export async function publicWaits(now = new Date(), officeId?: string): Promise<PublicWaits> {
  const { db, baseUrl, config } = rt();
  const offices = await db.office.findMany({
    where: { ...(officeId ? { id: officeId } : {}), services: { some: { mode: 'desk', active: true } } },
    orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    include: walkInRulesInclude(now),
  });
  if (officeId && offices.length === 0) throw notFound('Office');
  const out = await Promise.all(
    offices.map(async (o) => {
      await ensureBuilt(o.id);
      const [queues, cells, desk] = await Promise.all([
        queueInfos(o.id, now),
        bestTime(o.id, o.timeZone, now),
        db.service.findMany({ where: { officeId: o.id, mode: 'desk', active: true }, select: { id: true } }),
      ]);
      const deskIds = new Set(desk.map((s) => s.id));
      const status = walkInStatusAt(walkInRules(o), now);
      return {
        id: o.id,
        slug: o.slug,
        name: textOf(o.name),
        address: o.address,
        timeZone: o.timeZone,
        walkIn: {
          open: status.open,
          ...(status.closesAt ? { closesAt: status.closesAt } : {}),
          ...(status.nextOpensAt ? { nextOpensAt: status.nextOpensAt } : {}),
        },
        services: queues.filter((q) => deskIds.has(q.serviceId)),
        bestTime: { weeks: BEST_TIME_WEEKS, cells },
      };
    }),
  );
  return {
    generatedAt: now.toISOString(),
    refreshSeconds: config.publicWaitsRefreshSeconds,
    licence: { ...WAITS_LICENCE, attribution: `Sportello, ${baseUrl}` },
    offices: out,
  };
}
