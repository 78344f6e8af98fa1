import type { Counter } from '../db/generated/client';
import { counterOrder, ensureBuilt } from '../queue/engine';
import { queueInfos } from '../estimates/queue-infos';
import type { CounterSnapshot, WaitingEntry } from '../../contract/counters';
import type { QueueInfo } from '../../contract/queues';
import { rt } from '../runtime';
import { counterTicketInclude, toCounterTicket } from '../tickets/views';
import { counterQueuesMany } from '../queue/counter-queues';

const WAITING_LIST_LIMIT = 50;

export async function currentTicketOf(counterId: string) {
  return rt().db.ticket.findFirst({
    where: { counterId, status: { in: ['called', 'serving'] } },
    include: counterTicketInclude,
    orderBy: { calledAt: 'desc' },
  });
}

/**
 * What clerks' screens show: each counter, its current ticket, and who it would call next.
 * Batched: a fixed handful of queries and one Redis round trip per counter, however many counters.
 */
export async function counterSnapshots(counters: Counter[], queues: QueueInfo[]): Promise<CounterSnapshot[]> {
  if (counters.length === 0) return [];
  const { db } = rt();
  const ids = counters.map((c) => c.id);
  for (const officeId of new Set(counters.map((c) => c.officeId))) await ensureBuilt(officeId);
  const [current, cqs] = await Promise.all([
    db.ticket.findMany({
      where: { counterId: { in: ids }, status: { in: ['called', 'serving'] } },
      include: counterTicketInclude,
      orderBy: { calledAt: 'asc' },
    }),
    counterQueuesMany(counters.filter((c) => c.state !== 'closed')),
  ]);
  const currentBy = new Map(current.map((t) => [t.counterId as string, t]));
  const orders = new Map<string, Awaited<ReturnType<typeof counterOrder>>>();
  await Promise.all([...cqs].map(async ([id, cq]) => orders.set(id, await counterOrder(cq, WAITING_LIST_LIMIT))));
  const wanted = [...new Set([...orders.values()].flatMap((o) => o.ids.map((x) => x.id)))];
  const rows = wanted.length
    ? await db.ticket.findMany({
        where: { id: { in: wanted }, status: 'waiting' },
        select: { id: true, number: true, priority: true, serviceId: true, queuedAt: true },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return counters.map((counter) => {
    const order = orders.get(counter.id);
    const waiting: WaitingEntry[] = (order?.ids ?? []).flatMap(({ id, direct }) => {
      const r = byId.get(id);
      return r
        ? [{ id, number: r.number, priority: r.priority, serviceId: r.serviceId, queuedAt: r.queuedAt.toISOString(), direct }]
        : [];
    });
    const cur = currentBy.get(counter.id);
    return {
      counter: {
        id: counter.id,
        number: counter.number,
        name: counter.name,
        state: counter.state,
        serviceIds: counter.serviceIds,
        officeId: counter.officeId,
        staffId: counter.staffId,
      },
      current: cur ? toCounterTicket(cur) : null,
      waiting,
      waitingTotal: order?.total ?? 0,
      queues,
    };
  });
}

export async function counterSnapshot(
  counterId: string,
  officeQueues?: QueueInfo[],
  now = new Date(),
): Promise<CounterSnapshot | null> {
  const counter = await rt().db.counter.findUnique({ where: { id: counterId } });
  if (!counter) return null;
  const [snap] = await counterSnapshots([counter], officeQueues ?? (await queueInfos(counter.officeId, now)));
  return snap;
}
