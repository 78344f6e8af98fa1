import type { WaitingTicket } from '../../contract/tickets';
import { notFound } from '../errors';
import { queueScore } from '../queue/policy';
import { rt } from '../runtime';

const LIMIT = 200;

/**
 * The waiting tickets of one service, in queue order (the rank of queue/policy.ts), for the
 * supervisor's "move a ticket" dialog. From PostgreSQL, the record: what the dialog offers
 * really is waiting.
 */
export async function waitingForService(serviceId: string): Promise<{ total: number; tickets: WaitingTicket[] }> {
  const { db } = rt();
  const service = await db.service.findUnique({ where: { id: serviceId }, select: { id: true } });
  if (!service) throw notFound('Service');
  const rows = await db.ticket.findMany({
    where: { serviceId, status: 'waiting' },
    select: {
      id: true,
      number: true,
      priority: true,
      serviceId: true,
      queuedAt: true,
      targetCounterId: true,
      targetStaffId: true,
    },
  });
  rows.sort((a, b) => queueScore(a.queuedAt, a.priority) - queueScore(b.queuedAt, b.priority) || (a.id < b.id ? -1 : 1));
  return {
    total: rows.length,
    tickets: rows.slice(0, LIMIT).map((r) => ({
      id: r.id,
      number: r.number,
      priority: r.priority,
      serviceId: r.serviceId,
      queuedAt: r.queuedAt.toISOString(),
      direct: r.targetCounterId !== null || r.targetStaffId !== null,
    })),
  };
}
