/**
 * A small, exactly known past for the live-waits and forecast tests, written straight into
 * PostgreSQL relative to the real clock (the app process reads the real clock): on each of the
 * last 56 local days, at 10:00 six walk-ins who waited 12 minutes and at 15:00 three who waited
 * 3 minutes (visits of 5 minutes), and counters 1 and 2 open from 9:00 to 12:00.
 */
import { DateTime } from 'luxon';
import type { Db } from '../../server/db/client';
import type { Prisma } from '../../server/db/generated/client';

export const PAST_DAYS = 56;
export const HISTORY = {
  morning: { hour: 10, tickets: 6, waitMinutes: 12 },
  afternoon: { hour: 15, tickets: 3, waitMinutes: 3 },
  counters: { opens: 9, closes: 12, count: 2 },
} as const;

export async function writeWaitsHistory(
  db: Db,
  opts: { officeId: string; serviceId: string; counterIds: string[]; timeZone: string },
): Promise<void> {
  const today = DateTime.now().setZone(opts.timeZone).startOf('day');
  const tickets: Prisma.TicketCreateManyInput[] = [];
  const events: Prisma.TicketEventCreateManyInput[] = [];
  const counterEvents: Prisma.CounterEventCreateManyInput[] = [];
  for (let k = 1; k <= PAST_DAYS; k++) {
    const day = today.minus({ days: k });
    const dayIso = day.toISODate()!;
    let seq = 0;
    for (const slot of [HISTORY.morning, HISTORY.afternoon]) {
      for (let i = 0; i < slot.tickets; i++) {
        const issued = day.set({ hour: slot.hour, minute: i * 5 }).toJSDate();
        const called = new Date(issued.getTime() + slot.waitMinutes * 60_000);
        const finished = new Date(called.getTime() + 5 * 60_000);
        const id = `past-${dayIso}-${++seq}`;
        tickets.push({
          id,
          code: `past${dayIso.replaceAll('-', '')}${String(seq).padStart(4, '0')}`.slice(0, 16),
          number: `A${String(seq).padStart(3, '0')}`,
          seq,
          day: dayIso,
          officeId: opts.officeId,
          serviceId: opts.serviceId,
          originalServiceId: opts.serviceId,
          status: 'completed',
          queuedAt: issued,
          issuedAt: issued,
          calledAt: called,
          startedAt: called,
          finishedAt: finished,
          counterId: opts.counterIds[0],
        });
        const base = { ticketId: id, officeId: opts.officeId, serviceId: opts.serviceId };
        events.push(
          { ...base, type: 'issued', at: issued, data: { priority: 'none' } },
          { ...base, type: 'called', at: called, counterId: opts.counterIds[0] },
          { ...base, type: 'started', at: called, counterId: opts.counterIds[0] },
          { ...base, type: 'completed', at: finished, counterId: opts.counterIds[0] },
        );
      }
    }
    for (const counterId of opts.counterIds.slice(0, HISTORY.counters.count)) {
      counterEvents.push(
        { counterId, officeId: opts.officeId, type: 'opened', at: day.set({ hour: HISTORY.counters.opens }).toJSDate() },
        { counterId, officeId: opts.officeId, type: 'closed', at: day.set({ hour: HISTORY.counters.closes }).toJSDate() },
      );
    }
  }
  await db.ticket.createMany({ data: tickets });
  await db.ticketEvent.createMany({ data: events });
  await db.counterEvent.createMany({ data: counterEvents });
}
