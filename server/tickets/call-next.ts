import type { Actor } from '../auth/actor';
import { counterQueues } from '../counters/queues';
import { currentTicketOf } from '../counters/snapshot';
import { conflict, forbidden, notFound } from '../errors';
import { claimNext, unclaim } from '../queue/engine';
import { callInfo } from '../realtime/calls';
import { publishCall, publishOfficeChanged, publishTicket } from '../realtime/publish';
import { rt } from '../runtime';
import { counterTicketInclude, toCounterTicket } from './views';

class StaleClaim extends Error {}

/**
 * Calls the next citizen to a counter. Redis picks (atomic Lua across the counter's queues),
 * PostgreSQL decides: the ticket becomes `called` only if it is still waiting, inside a
 * transaction that also locks the counter row, so one counter never holds two calls and two
 * counters never get the same ticket. A stale Redis entry is dropped and the next one tried; a
 * failed commit gives the claim back.
 */
export async function callNext(actor: Actor, counterId: string) {
  const { db } = rt();
  const counter = await db.counter.findUnique({ where: { id: counterId } });
  if (!counter) throw notFound('Counter');
  if (counter.staffId !== actor.staffId) throw forbidden('Only the clerk at this counter can call');
  if (counter.state === 'closed') throw conflict('counter_not_open', 'Open the counter first');
  if (counter.state === 'paused') throw conflict('counter_paused', 'Resume the counter first');
  if (await currentTicketOf(counterId)) throw conflict('counter_busy', 'Finish the current ticket first');
  const queues = await counterQueues(counter);
  if (!queues) throw conflict('counter_not_open', 'Open the counter first');

  for (let attempt = 0; attempt < 50; attempt++) {
    const claim = await claimNext(queues);
    if (!claim) return null;
    const now = new Date();
    try {
      const { ticket, eventId } = await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Counter" WHERE id = ${counterId} FOR UPDATE`;
        const busy = await tx.ticket.count({ where: { counterId, status: { in: ['called', 'serving'] } } });
        if (busy > 0) throw conflict('counter_busy', 'Finish the current ticket first');
        const res = await tx.ticket.updateMany({
          where: { id: claim.ticketId, status: 'waiting' },
          data: { status: 'called', counterId, staffId: actor.staffId, calledAt: now, startedAt: null },
        });
        if (res.count === 0) throw new StaleClaim();
        const t = await tx.ticket.findUniqueOrThrow({ where: { id: claim.ticketId }, include: { ...counterTicketInclude } });
        const e = await tx.ticketEvent.create({
          data: { ticketId: t.id, officeId: t.officeId, type: 'called', at: now, serviceId: t.serviceId, counterId, staffId: actor.staffId },
        });
        return { ticket: t, eventId: e.id };
      });
      publishCall(ticket.officeId, callInfo(eventId, ticket.id, ticket.number, counter, ticket.service, now, false));
      void publishTicket(ticket.code);
      publishOfficeChanged(ticket.officeId);
      return toCounterTicket(ticket);
    } catch (err) {
      if (err instanceof StaleClaim) continue;
      await unclaim(claim).catch(() => undefined);
      throw err;
    }
  }
  throw conflict('queue_unstable', 'The queue is being rebuilt, try again');
}
