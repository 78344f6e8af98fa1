import type { QueueInfo } from '../../contract/queues';
import { textOf } from '../db/texts';
import { bandLow, estimateMinutes } from '../queue/estimates';
import { rt } from '../runtime';
import { liveWaits } from './live-waits';

/**
 * Queue figures per service for the displays, the kiosks and the staff screens. The estimate is
 * the office played forward (office-waits.ts): what somebody taking a ticket now would wait, and
 * the range that held the real wait in most past cases. When no open counter serves a service the
 * simulation has nobody to call the ticket; then the plain formula stands in: people waiting ×
 * the expected minutes, as if one counter would open.
 */
/** Per-service figures of an office: a few grouped queries and the office's shared estimate (live-waits.ts). */
export async function queueInfos(officeId: string, now = new Date()): Promise<QueueInfo[]> {
  const { db } = rt();
  const [services, waiting, counters] = await Promise.all([
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
    db.counter.findMany({ where: { officeId, state: 'open' }, select: { serviceIds: true } }),
  ]);
  const waits = await liveWaits(officeId, now);
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
