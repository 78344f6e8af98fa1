import type { CallInfo } from '../../contract/display';
import type { Prisma } from '../db/generated/client';
import { textOf } from '../db/texts';
import { toLanguage } from '../../contract/lang';
import { rt } from '../runtime';

/** The last calls of the office's business day, newest first, from the event log; only of `serviceIds` when given. */
export async function recentCalls(officeId: string, limit = 10, serviceIds: string[] | null = null): Promise<CallInfo[]> {
  const { db } = rt();
  const since = new Date(Date.now() - 16 * 3600_000);
  const events = await db.ticketEvent.findMany({
    where: {
      officeId,
      type: { in: ['called', 'recalled'] },
      at: { gte: since },
      ...(serviceIds ? { serviceId: { in: serviceIds } } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit * 3,
    include: { ticket: { select: { number: true, lang: true, service: { select: { name: true } } } } },
  });
  const counterIds = [...new Set(events.map((e) => e.counterId).filter((x): x is string => !!x))];
  const counters = new Map(
    (await db.counter.findMany({ where: { id: { in: counterIds } }, select: { id: true, number: true, name: true } })).map(
      (c) => [c.id, c],
    ),
  );
  const seen = new Set<string>();
  const calls: CallInfo[] = [];
  for (const e of events) {
    if (seen.has(e.ticketId) || !e.counterId) continue;
    seen.add(e.ticketId);
    const c = counters.get(e.counterId);
    if (!c) continue;
    calls.push(
      callInfo(e.id, { id: e.ticketId, ...e.ticket }, c, { id: e.serviceId, ...e.ticket.service }, e.at, e.type === 'recalled'),
    );
    if (calls.length === limit) break;
  }
  return calls;
}

export function callInfo(
  eventId: bigint,
  ticket: { id: string; number: string; lang: string },
  counter: { number: number; name: string },
  service: { id: string; name: Prisma.JsonValue },
  at: Date,
  recall: boolean,
): CallInfo {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    serviceId: service.id,
    counterNumber: counter.number,
    counterName: counter.name,
    serviceName: textOf(service.name),
    at: at.toISOString(),
    recall,
    seq: Number(eventId),
    lang: toLanguage(ticket.lang),
  };
}
