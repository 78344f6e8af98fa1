import { businessDay } from '../tickets/numbering';
import { reconcileOffice } from '../queue/engine';
import { publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';

/**
 * End of the business day: tickets of a past day that are still open are closed so the new day
 * starts clean and statistics see a final state for every ticket. Waiting → cancelled, called →
 * no-show, serving → completed; each with its event, reason `day_closed`.
 */
export async function closePastDays(now = new Date()): Promise<number> {
  const { db } = rt();
  let closed = 0;
  const offices = await db.office.findMany({ select: { id: true, timeZone: true } });
  for (const office of offices) {
    const today = businessDay(now, office.timeZone);
    const open = await db.ticket.findMany({
      where: { officeId: office.id, day: { lt: today }, status: { in: ['waiting', 'called', 'serving'] } },
      select: { id: true, status: true, serviceId: true, counterId: true, staffId: true },
    });
    for (const t of open) {
      const to = t.status === 'waiting' ? 'cancelled' : t.status === 'called' ? 'no_show' : 'completed';
      await db.$transaction(async (tx) => {
        const res = await tx.ticket.updateMany({
          where: { id: t.id, status: t.status },
          data: { status: to, finishedAt: now, ...(to === 'completed' ? { outcome: 'day_closed' } : {}) },
        });
        if (res.count === 0) return;
        await tx.ticketEvent.create({
          data: {
            ticketId: t.id,
            officeId: office.id,
            type: to,
            at: now,
            serviceId: t.serviceId,
            counterId: t.counterId,
            staffId: t.staffId,
            data: { reason: 'day_closed' },
          },
        });
        closed++;
      });
    }
    if (open.length > 0) {
      await reconcileOffice(office.id);
      publishOfficeChanged(office.id);
    }
  }
  return closed;
}
