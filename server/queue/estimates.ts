import type { QueueInfo } from '../../contract/queues';
import { officeWaits } from '../estimates/office-waits';
import { rt } from '../runtime';
import { textOf } from '../db/texts';

/**
 * Queue figures per service for the displays, the kiosks and the staff screens. The estimate is
 * the office played forward (server/estimates): what somebody taking a ticket now would wait, and
 * the range that held the real wait in most past cases. When no open counter serves a service the
 * simulation has nobody to call the ticket; then the plain formula stands in: people waiting ×
 * the expected minutes, as if one counter would open.
 */

export function estimateMinutes(ahead: number, averageMinutes: number, openCounters: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * averageMinutes) / Math.max(1, openCounters));
}

export function bandLow(estimate: number): number {
  return Math.floor(estimate * 0.8);
}

/**
 * The services whose tickets compete with each service for the same counters: every service of
 * every open counter that serves it (itself alone when no counter serves it). A citizen is behind
 * all better-ranked tickets of these services, not only of their own.
 */
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

/** Per-service figures of an office: a few grouped queries and one forward simulation. */
export async function queueInfos(officeId: string, now = new Date()): Promise<QueueInfo[]> {
  const { db } = rt();
  const [services, waiting, counters] = await Promise.all([
    db.service.findMany({
      where: { officeId, active: true },
      select: { id: true, prefix: true, name: true, expectedMinutes: true, mode: true },
      orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    }),
    db.ticket.groupBy({
      by: ['serviceId'],
      where: { officeId, status: 'waiting' },
      _count: { _all: true },
      _min: { queuedAt: true },
    }),
    db.counter.findMany({ where: { officeId, state: 'open' }, select: { serviceIds: true } }),
  ]);
  const waits = await officeWaits(
    officeId,
    now,
    services.filter((s) => s.mode === 'desk').map((s) => s.id),
  );
  const open = new Map<string, number>();
  for (const c of counters) for (const s of c.serviceIds) open.set(s, (open.get(s) ?? 0) + 1);
  const byService = new Map(waiting.map((w) => [w.serviceId, w]));
  const t = now.getTime();
  return services.map((s) => {
    const w = byService.get(s.id);
    const count = w?._count._all ?? 0;
    const oldest = w?._min.queuedAt;
    const e = waits.services.get(s.id);
    const fallback = estimateMinutes(count, s.expectedMinutes, 1);
    return {
      serviceId: s.id,
      prefix: s.prefix,
      name: textOf(s.name),
      waiting: count,
      oldestWaitMinutes: oldest ? Math.max(0, Math.floor((t - oldest.getTime()) / 60_000)) : 0,
      estimatedWaitMinutes: e?.minutes ?? fallback,
      estimatedWaitMinMinutes: e?.low ?? bandLow(fallback),
      estimatedWaitMaxMinutes: e?.high ?? fallback,
      openCounters: open.get(s.id) ?? 0,
    };
  });
}
