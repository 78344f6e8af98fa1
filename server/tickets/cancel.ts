import { notFound } from '../errors';
import { dequeue } from '../queue/engine';
import { publishOfficeChanged, publishTicket } from '../realtime/publish';
import type { TicketPublic } from '../../contract/tickets';
import { rt } from '../runtime';
import { assertTransition } from './transitions';
import { publicTicket, toPublic } from './views';

/** The citizen leaves the queue from the phone page. Only a waiting ticket can be cancelled. */
export async function cancelByCode(code: string, now = new Date()): Promise<TicketPublic> {
  const { db } = rt();
  const t = await db.ticket.findUnique({ where: { code } });
  if (!t) throw notFound('Ticket');
  assertTransition('cancel', t.status);
  await db.$transaction(async (tx) => {
    const res = await tx.ticket.updateMany({
      where: { id: t.id, status: 'waiting' },
      data: { status: 'cancelled', finishedAt: now },
    });
    if (res.count === 0) {
      const fresh = await tx.ticket.findUniqueOrThrow({ where: { id: t.id } });
      assertTransition('cancel', fresh.status);
    }
    await tx.ticketEvent.create({
      data: { ticketId: t.id, officeId: t.officeId, type: 'cancelled', at: now, serviceId: t.serviceId },
    });
  });
  // Read after the commit (one statement with the view's version): nothing moves a cancelled ticket on.
  const updated = await publicTicket({ id: t.id });
  if (!updated) throw notFound('Ticket');
  await dequeue(t, updated).catch(() => undefined);
  const view = await toPublic(updated);
  publishTicket(view);
  publishOfficeChanged(t.officeId);
  return view;
}
