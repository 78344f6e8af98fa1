import type { z } from 'zod';
import { moveTicketInput } from '../../contract/tickets';
import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../errors';
import { log } from '../log';
import { enqueue, queueKeyOf } from '../queue/engine';
import { publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { publishTicketStatus } from './snapshot';
import { assertTransition } from './transitions';
import { counterTicketInclude, toCounterTicket } from './views';

/**
 * A supervisor moves a waiting ticket to another service's queue (the citizen took the wrong
 * ticket, or a queue is rebalanced). The ticket keeps its number and its queue time, so it is not
 * sent to the back; a personal target (transfer to one counter or clerk) is dropped, since the
 * ticket now waits for the service. One transaction: a conditional UPDATE on the ticket still
 * waiting for the same queue, plus a `transferred` event marked `{moved: true}`. Then Redis: the
 * ticket leaves its old queue and joins the new one with the same rank — unless a call next took
 * it from the old queue in between, and is calling it; if that fails, the reconciler puts it right
 * (PostgreSQL wins).
 */
export async function moveTicket(actor: Actor, ticketId: string, raw: z.input<typeof moveTicketInput>, now = new Date()) {
  const input = moveTicketInput.parse(raw);
  const { db } = rt();
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!t) throw notFound('Ticket');
  assertTransition('move', t.status);
  const target = await db.service.findUnique({ where: { id: input.serviceId } });
  if (!target || !target.active) throw notFound('Service');
  if (target.officeId !== t.officeId) throw new AppError(422, 'other_office', 'That service is served in another office');
  if (target.mode !== 'desk') throw new AppError(422, 'service_by_appointment', 'That service is served by appointment');
  if (target.id === t.serviceId && !t.targetCounterId && !t.targetStaffId)
    throw new AppError(422, 'same_service', 'The ticket already waits for that service');

  const moved = await db.$transaction(async (tx) => {
    const res = await tx.ticket.updateMany({
      where: {
        id: t.id,
        status: 'waiting',
        serviceId: t.serviceId,
        targetCounterId: t.targetCounterId,
        targetStaffId: t.targetStaffId,
      },
      data: { serviceId: target.id, targetCounterId: null, targetStaffId: null },
    });
    if (res.count === 0) {
      const fresh = await tx.ticket.findUniqueOrThrow({ where: { id: t.id } });
      assertTransition('move', fresh.status);
      throw new AppError(409, 'invalid_transition', 'The ticket changed meanwhile, reload');
    }
    await tx.ticketEvent.create({
      data: {
        ticketId: t.id,
        officeId: t.officeId,
        type: 'transferred',
        at: now,
        serviceId: target.id,
        fromServiceId: t.serviceId,
        staffId: actor.staffId,
        data: { moved: true, toServiceId: target.id, toCounterId: null, toStaffId: null, note: null },
      },
    });
    await withAudit(tx, actor, {
      action: 'move',
      entity: 'ticket',
      entityId: t.id,
      before: { number: t.number, serviceId: t.serviceId, targetCounterId: t.targetCounterId, targetStaffId: t.targetStaffId },
      after: { number: t.number, serviceId: target.id, targetCounterId: null, targetStaffId: null },
    });
    return tx.ticket.findUniqueOrThrow({ where: { id: t.id }, include: counterTicketInclude });
  });
  try {
    await enqueue(moved, [queueKeyOf(t)], { ifQueued: true });
  } catch (err) {
    log.warn({ err, ticketId: t.id }, `ticket ${t.number} moved but not re-queued in Redis yet; the reconciler will do it`);
  }
  void publishTicketStatus(moved.code);
  publishOfficeChanged(moved.officeId);
  return toCounterTicket(moved);
}
