import type { Actor } from '../auth/actor';
import { callInfo } from '../displays/calls';
import { conflict, notFound } from '../errors';
import { claimNext, ensureBuilt, unclaim, type Claim } from '../queue/engine';
import { publishCall, publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { applyTransition, loadForActor } from '../tickets/actions';
import { publishTicketStatus } from '../tickets/snapshot';
import { assertTransition } from '../tickets/transitions';
import { counterTicketInclude, toCounterTicket } from '../tickets/views';
import { counterQueues } from '../queue/counter-queues';
import { changeCounter } from './state';

const MAX_STALE_ENTRIES = 50;

/**
 * Calls the next citizen to a counter. In one transaction: lock the counter row and check it is
 * the clerk's, open, not paused and idle (counters/state.ts: presses from one counter — a double
 * click, two tabs — and a close run one after the other, so one counter never holds two calls
 * and a closed counter none), then let Redis pick (atomic Lua across the counter's queues, so two
 * counters never get the same ticket), then let PostgreSQL confirm with a conditional update (the
 * ticket must still be waiting; a stale Redis entry is dropped and the next one tried). If the
 * transaction fails after the pick, the ticket goes back into its queue with its rank.
 */
export async function callNext(actor: Actor, counterId: string, now = new Date()) {
  const { db } = rt();
  // Only the office, which a counter never changes: the rules are checked under the lock.
  const found = await db.counter.findUnique({ where: { id: counterId }, select: { officeId: true } });
  if (!found) throw notFound('Counter');
  // Rebuild outside the transaction if Redis lost the queues: the rebuild reads the database too.
  await ensureBuilt(found.officeId);

  let pending: NonNullable<Claim> | null = null;
  let result;
  try {
    result = await changeCounter(actor, counterId, 'call', async (tx, counter) => {
      const queues = await counterQueues(counter, tx);
      if (!queues) throw conflict('counter_not_open', 'Open the counter first');
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
        return { ticket, counter, eventId: event.id };
      }
      throw conflict('queue_unstable', 'The queue is being rebuilt, try again');
    });
  } catch (err) {
    if (pending) await unclaim(pending).catch(() => undefined);
    throw err;
  }
  if (!result) return null;
  const { ticket, counter, eventId } = result;
  publishCall(ticket.officeId, callInfo(eventId, ticket, counter, { id: ticket.serviceId, ...ticket.service }, now, false));
  void publishTicketStatus(ticket.code);
  publishOfficeChanged(ticket.officeId);
  return toCounterTicket(ticket);
}

/**
 * Calls the counter's citizen again (the display repeats the call). Under the counter's lock like
 * every counter change: the counter must not be closed meanwhile, and the ticket must still be
 * called there (a conditional update, or 409).
 */
export async function recallTicket(actor: Actor, ticketId: string, now = new Date()) {
  const t = await loadForActor(actor, ticketId);
  assertTransition('recall', t.status);
  if (!t.counterId) throw conflict('invalid_transition', 'The ticket is at no counter');
  const { ticket, event, counter } = await changeCounter(actor, t.counterId, 'recall', async (tx, counter) => ({
    ...(await applyTransition(tx, t, 'recall', 'recalled', { recallCount: { increment: 1 } }, actor, undefined, undefined, now)),
    counter,
  }));
  publishCall(ticket.officeId, callInfo(event.id, ticket, counter, { id: ticket.serviceId, ...ticket.service }, event.at, true));
  void publishTicketStatus(ticket.code);
  publishOfficeChanged(ticket.officeId);
  return toCounterTicket(ticket);
}
