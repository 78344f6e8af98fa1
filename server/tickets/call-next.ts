import type { Actor } from '../auth/actor';
import { counterQueues } from '../counters/queues';
import { currentTicketOf } from '../counters/snapshot';
import { conflict, forbidden, notFound } from '../errors';
import { claimNext, ensureBuilt, unclaim, type Claim } from '../queue/engine';
import { callInfo } from '../realtime/calls';
import { publishCall, publishOfficeChanged, publishTicket } from '../realtime/publish';
import { rt } from '../runtime';
import { counterTicketInclude, toCounterTicket } from './views';

const MAX_STALE_ENTRIES = 50;

/**
 * Calls the next citizen to a counter. In one transaction: lock the counter row (so presses from
 * one counter — a double click, two tabs — run one after the other and one counter never holds
 * two calls), then let Redis pick (atomic Lua across the counter's queues, so two counters never
 * get the same ticket), then let PostgreSQL confirm with a conditional update (the ticket must
 * still be waiting; a stale Redis entry is dropped and the next one tried). If the transaction
 * fails after the pick, the ticket goes back into its queue with its rank.
 */
export async function callNext(actor: Actor, counterId: string, now = new Date()) {
  const { db } = rt();
  const counter = await db.counter.findUnique({ where: { id: counterId } });
  if (!counter) throw notFound('Counter');
  if (counter.staffId !== actor.staffId) throw forbidden('Only the clerk at this counter can call');
  if (counter.state === 'closed') throw conflict('counter_not_open', 'Open the counter first');
  if (counter.state === 'paused') throw conflict('counter_paused', 'Resume the counter first');
  if (await currentTicketOf(counterId)) throw conflict('counter_busy', 'Finish the current ticket first');
  const queues = await counterQueues(counter);
  if (!queues) throw conflict('counter_not_open', 'Open the counter first');
  // Rebuild outside the transaction if Redis lost the queues: the rebuild reads the database too.
  await ensureBuilt(counter.officeId);

  let pending: NonNullable<Claim> | null = null;
  let result;
  try {
    result = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Counter" WHERE id = ${counterId} FOR UPDATE`;
      const busy = await tx.ticket.count({ where: { counterId, status: { in: ['called', 'serving'] } } });
      if (busy > 0) throw conflict('counter_busy', 'Finish the current ticket first');
      for (let attempt = 0; attempt < MAX_STALE_ENTRIES; attempt++) {
        const claim = await claimNext(queues, now);
        if (!claim) return null;
        const res = await tx.ticket.updateMany({
          where: { id: claim.ticketId, status: 'waiting' },
          data: { status: 'called', counterId, staffId: actor.staffId, calledAt: now, startedAt: null },
        });
        if (res.count === 0) continue; // stale entry: the ticket is no longer waiting
        pending = claim;
        const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: claim.ticketId }, include: counterTicketInclude });
        const event = await tx.ticketEvent.create({
          data: {
            ticketId: ticket.id,
            officeId: ticket.officeId,
            type: 'called',
            at: now,
            serviceId: ticket.serviceId,
            counterId,
            staffId: actor.staffId,
          },
        });
        return { ticket, eventId: event.id };
      }
      throw conflict('queue_unstable', 'The queue is being rebuilt, try again');
    });
  } catch (err) {
    if (pending) await unclaim(pending).catch(() => undefined);
    throw err;
  }
  if (!result) return null;
  const { ticket, eventId } = result;
  publishCall(
    ticket.officeId,
    callInfo(eventId, ticket.id, ticket.number, counter, { id: ticket.serviceId, ...ticket.service }, now, false),
  );
  void publishTicket(ticket.code);
  publishOfficeChanged(ticket.officeId);
  return toCounterTicket(ticket);
}
