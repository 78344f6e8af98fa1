import type { QueueInfo } from '../../contract/queues';
import { rt } from '../runtime';
import { textOf } from '../db/texts';

/**
 * Wait estimates. The average service time of a service comes from its real recent visits
 * (start → completion over the last 14 days, when there are at least MIN_SAMPLES of them),
 * falling back to the service's expected minutes. Every open counter that serves the service
 * takes its share of the people ahead (ZMS's rule): estimate = ahead × average ÷ open counters.
 */
const MIN_SAMPLES = 5;
const CACHE_MS = 60_000;
const averagesCache = new Map<string, { at: number; values: Map<string, number> }>();

export function estimateMinutes(ahead: number, averageMinutes: number, openCounters: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * averageMinutes) / Math.max(1, openCounters));
}

export function bandLow(estimate: number): number {
  return Math.floor(estimate * 0.8);
}

async function measuredAverages(officeId: string): Promise<Map<string, number>> {
  const cached = averagesCache.get(officeId);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.values;
  const rows = await rt().db.$queryRaw<{ serviceId: string; minutes: number; n: bigint }[]>`
    SELECT "serviceId", AVG(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")) / 60)::float8 AS minutes, COUNT(*) AS n
    FROM "Ticket"
    WHERE "officeId" = ${officeId} AND status = 'completed' AND "startedAt" IS NOT NULL
      AND "finishedAt" > now() - interval '14 days'
    GROUP BY "serviceId"`;
  const values = new Map<string, number>();
  for (const r of rows) if (Number(r.n) >= MIN_SAMPLES && r.minutes > 0) values.set(r.serviceId, r.minutes);
  averagesCache.set(officeId, { at: Date.now(), values });
  return values;
}

/** Forget cached averages (tests, or after a burst of completions). */
export function clearAverageCache(): void {
  averagesCache.clear();
}

export interface EstimateContext {
  average(serviceId: string, expectedMinutes: number): number;
  openCounters(serviceId: string): number;
  /**
   * The services whose tickets compete with this one for the same counters: every service of
   * every open counter that serves it (itself alone when no counter serves it). A citizen is
   * behind all better-ranked tickets of these services, not only of their own.
   */
  competing(serviceId: string): string[];
}

/** Union of the services of the open counters that serve each service. */
export function competingServices(openCounterServices: string[][]): (serviceId: string) => string[] {
  const union = new Map<string, Set<string>>();
  for (const services of openCounterServices) {
    for (const s of services) {
      const set = union.get(s) ?? new Set<string>();
      for (const other of services) set.add(other);
      union.set(s, set);
    }
  }
  return (serviceId) => [...(union.get(serviceId) ?? [serviceId])];
}

export async function estimateContext(officeId: string): Promise<EstimateContext> {
  const [averages, counters] = await Promise.all([
    measuredAverages(officeId),
    rt().db.counter.findMany({ where: { officeId, state: 'open' }, select: { serviceIds: true } }),
  ]);
  const open = new Map<string, number>();
  for (const c of counters) for (const s of c.serviceIds) open.set(s, (open.get(s) ?? 0) + 1);
  return {
    average: (serviceId, expected) => averages.get(serviceId) ?? expected,
    openCounters: (serviceId) => open.get(serviceId) ?? 0,
    competing: competingServices(counters.map((c) => c.serviceIds)),
  };
}

/** Per-service figures of an office: one grouped query, cheap enough to run after every change. */
export async function queueInfos(officeId: string): Promise<QueueInfo[]> {
  const { db } = rt();
  const [services, waiting, ctx] = await Promise.all([
    db.service.findMany({
      where: { officeId, active: true },
      select: { id: true, prefix: true, name: true, expectedMinutes: true },
      orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    }),
    db.ticket.groupBy({
      by: ['serviceId'],
      where: { officeId, status: 'waiting' },
      _count: { _all: true },
      _min: { queuedAt: true },
    }),
    estimateContext(officeId),
  ]);
  const byService = new Map(waiting.map((w) => [w.serviceId, w]));
  const now = Date.now();
  return services.map((s) => {
    const w = byService.get(s.id);
    const count = w?._count._all ?? 0;
    const oldest = w?._min.queuedAt;
    const open = ctx.openCounters(s.id);
    // Somebody taking a ticket now is behind everyone waiting for the counters they share.
    const ahead = ctx.competing(s.id).reduce((n, id) => n + (byService.get(id)?._count._all ?? 0), 0);
    const estimate = estimateMinutes(ahead, ctx.average(s.id, s.expectedMinutes), open);
    return {
      serviceId: s.id,
      prefix: s.prefix,
      name: textOf(s.name),
      waiting: count,
      oldestWaitMinutes: oldest ? Math.max(0, Math.floor((now - oldest.getTime()) / 60_000)) : 0,
      estimatedWaitMinutes: estimate,
      estimatedWaitMinMinutes: bandLow(estimate),
      openCounters: open,
    };
  });
}
