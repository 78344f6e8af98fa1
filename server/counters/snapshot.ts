import { counterOrder } from '../queue/engine';
import { queueInfos } from '../queue/estimates';
import type { CounterSnapshot, WaitingEntry } from '../realtime/contract';
import { rt } from '../runtime';
import { counterTicketInclude, toCounterTicket } from '../tickets/views';
import { counterQueues } from './queues';

const WAITING_LIST_LIMIT = 50;

export async function currentTicketOf(counterId: string) {
  return rt().db.ticket.findFirst({
    where: { counterId, status: { in: ['called', 'serving'] } },
    include: counterTicketInclude,
    orderBy: { calledAt: 'desc' },
  });
}

/** What a clerk's screen shows: the counter, its current ticket, and who it would call next. */
export async function counterSnapshot(counterId: string): Promise<CounterSnapshot | null> {
  const { db } = rt();
  const counter = await db.counter.findUnique({ where: { id: counterId } });
  if (!counter) return null;
  const [current, queues, cq] = await Promise.all([currentTicketOf(counterId), queueInfos(counter.officeId), counterQueues(counter)]);
  let waiting: WaitingEntry[] = [];
  let waitingTotal = 0;
  if (cq && counter.state !== 'closed') {
    const order = await counterOrder(cq, WAITING_LIST_LIMIT);
    waitingTotal = order.total;
    const rows = await db.ticket.findMany({
      where: { id: { in: order.ids.map((o) => o.id) }, status: 'waiting' },
      select: { id: true, number: true, priority: true, serviceId: true, queuedAt: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    waiting = order.ids.flatMap(({ id, direct }) => {
      const r = byId.get(id);
      return r ? [{ id, number: r.number, priority: r.priority, serviceId: r.serviceId, queuedAt: r.queuedAt.toISOString(), direct }] : [];
    });
  }
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
    current: current ? toCounterTicket(current) : null,
    waiting,
    waitingTotal,
    queues,
  };
}
