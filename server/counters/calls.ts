import type { Actor } from '../auth/actor';
import { callInfo } from '../displays/calls';
import { conflict, notFound } from '../errors';
import { claimNext, ensureBuilt, unclaim, type Claim } from '../queue/engine';
import { publishCall, publishOfficeChanged } from '../realtime/publish';
import { processShared, rt } from '../runtime';
import { applyTransition, loadForActor } from '../tickets/actions';
import { publishTicketStatus } from '../tickets/snapshot';
import { assertTransition } from '../tickets/transitions';
import { toCounterTicket } from '../tickets/views';
import { counterQueuesFrom } from '../queue/counter-queues';
import { changeCounter, checkCounterRule, lockCounterWithSkills } from './state';
import type { Prisma, Ticket } from '../db/generated/client';
import { sqlTransaction, type SqlRunner } from '../db/sql';

const MAX_STALE_ENTRIES = 50;

/** Each counter's office, which never changes: call-next needs it before it locks anything. */
const officeOfCounter = processShared('officeOfCounter', () => new Map<string, string>());

async function counterOffice(counterId: string): Promise<string> {
  let officeId = officeOfCounter.get(counterId);
  if (!officeId) {
    const found = await rt().db.counter.findUnique({ where: { id: counterId }, select: { officeId: true } });
    if (!found) throw notFound('Counter');
    officeOfCounter.set(counterId, (officeId = found.officeId));
  }
  return officeId;
}

type Confirmed = Ticket & { busy: boolean; eventId: bigint | null; serviceName: Prisma.JsonValue };

/**
 * The database's half of a call, in one statement: the counter must be idle (read now, after
 * the caller took the counter's lock, so a call that committed meanwhile is seen) and the ticket
 * still waiting; then the ticket is called there and the `called` event written. `id` is null
 * when the ticket was no longer waiting (a stale Redis entry).
 */
async function confirmCall(tx: SqlRunner, ticketId: string, counterId: string, staffId: string, now: Date): Promise<Confirmed> {
  const [row] = await tx.$queryRaw<Confirmed[]>`
    WITH busy AS (
      SELECT EXISTS (SELECT 1 FROM "Ticket" WHERE "counterId" = ${counterId} AND status IN ('called', 'serving')) AS b
    ), called AS (
      UPDATE "Ticket" SET status = 'called', "counterId" = ${counterId}, "staffId" = ${staffId}, "calledAt" = ${now}, "startedAt" = NULL
      WHERE id = ${ticketId} AND status = 'waiting' AND NOT (SELECT b FROM busy)
      RETURNING *
    ), event AS (
      INSERT INTO "TicketEvent" ("ticketId", "officeId", "type", "at", "serviceId", "counterId", "staffId")
      SELECT id, "officeId", 'called', ${now}, "serviceId", ${counterId}, ${staffId} FROM called
      RETURNING id
    )
    SELECT busy.b AS busy, called.*, event.id AS "eventId", s.name AS "serviceName"
    FROM busy LEFT JOIN called ON true LEFT JOIN event ON true LEFT JOIN "Service" s ON s.id = called."serviceId"`;
  return row!;
}

/**
 * Calls the next citizen to a counter. In one transaction: lock the counter row and check it is
 * the clerk's, open and not paused (counters/state.ts: presses from one counter — a double click,
 * two tabs — and a close run one after the other, so one counter never holds two calls and a
 * closed counter none), then let Redis pick (atomic Lua across the counter's queues, so two
 * counters never get the same ticket), then let PostgreSQL confirm in one statement (confirmCall:
 * the counter idle, the ticket still waiting; a stale Redis entry is dropped and the next one
 * tried). If the counter turns out busy or the transaction fails after the pick, the ticket goes
 * back into its queue with its rank. Four round trips to the database in all (begin, lock with
 * the clerk's skills, confirm, commit), in plain SQL (db/sql.ts): every clerk's every call runs them (issue 10).
 */
export async function callNext(actor: Actor, counterId: string, now = new Date()) {
  const { db } = rt();
  const officeId = await counterOffice(counterId);
  // Rebuild outside the transaction if Redis lost the queues: the rebuild reads the database too.
  await ensureBuilt(officeId);

  let pending: NonNullable<Claim> | null = null;
  let result;
  try {
    result = await sqlTransaction(db, async (tx) => {
      const { counter, skills } = await lockCounterWithSkills(tx, counterId);
      // Whether it is idle is confirmCall's to say, under the lock.
      checkCounterRule('call', actor, counter, false);
      const queues = counterQueuesFrom(counter, skills);
      if (!queues) throw conflict('counter_not_open', 'Open the counter first');
      for (let attempt = 0; attempt < MAX_STALE_ENTRIES; attempt++) {
        const claim = await claimNext(queues, now);
        if (!claim) {
          // Nobody waiting: a busy counter is still told so, as before any pick.
          const [{ busy }] = await tx.$queryRaw<{ busy: boolean }[]>`
            SELECT EXISTS (SELECT 1 FROM "Ticket" WHERE "counterId" = ${counterId} AND status IN ('called', 'serving')) AS busy`;
          if (busy) throw conflict('counter_busy', 'Finish the current ticket first');
          return null;
        }
        pending = claim;
        const { busy, eventId, serviceName, ...ticket } = await confirmCall(tx, claim.ticketId, counterId, actor.staffId, now);
        if (busy) throw conflict('counter_busy', 'Finish the current ticket first');
        if (eventId === null) {
          pending = null; // stale entry: the ticket is no longer waiting
          continue;
        }
        return { ticket: { ...ticket, service: { name: serviceName } }, counter, eventId };
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
