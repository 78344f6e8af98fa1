import type { Actor } from '../auth/actor';
import { callInfo } from '../displays/calls';
import { conflict, notFound } from '../errors';
import { claimNext, releaseLease, unclaim, type Lease } from '../queue/engine';
import { publishCall, publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { applyTransition, loadForActor } from '../tickets/actions';
import { publishTicketStatus } from '../tickets/snapshot';
import { assertTransition } from '../tickets/transitions';
import { toCounterTicket } from '../tickets/views';
import { counterQueuesFrom } from '../queue/counter-queues';
import { keptCounterForCall } from './call-cache';
import { changeCounter, checkCounterRule, readCounterForCall } from './state';
import type { Counter, Prisma, Ticket } from '../db/generated/client';
import { perDatabase, sql, type SqlRunner } from '../db/sql';
import { Batcher } from '../db/batcher';

const MAX_STALE_ENTRIES = 50;

type Confirmed = Ticket & { ok: boolean; busy: boolean; eventId: bigint | null; serviceName: Prisma.JsonValue };

/** The unique index that lets a counter hold one citizen at a time (migration one_call_per_counter). */
const ONE_CALL_PER_COUNTER = 'Ticket_one_call_per_counter';

function isSecondCall(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === ONE_CALL_PER_COUNTER;
}

const counterBusy = () => conflict('counter_busy', 'Finish the current ticket first');

interface CallToConfirm {
  ticketId: string;
  counter: Counter;
  staffId: string;
  now: Date;
}

/**
 * The database's half of calls, in one statement (several counters' calls that arrive together:
 * callConfirmations): each counter still as call next read it (open, this clerk's, the same
 * services), under a share lock, so a close or a pause that is under way is waited for and seen,
 * and one that comes later waits for the call and sees it; the counter idle and the ticket still
 * waiting; then the ticket is called there and the `called` event written. Two calls at one
 * counter at the same moment (a double click, two tabs) both see it idle: the database refuses the
 * second (unique index ONE_CALL_PER_COUNTER). Per call, in order: undefined when the counter is
 * gone; `ok` false when it changed; `eventId` null when the ticket was no longer waiting (a stale
 * Redis entry).
 */
async function confirmCalls(db: SqlRunner, calls: readonly CallToConfirm[]): Promise<(Confirmed | undefined)[]> {
  const rows = await db.$queryRaw<(Confirmed & { n: bigint; found: boolean })[]>`
    WITH input AS (
      SELECT * FROM unnest(${calls.map((c) => c.ticketId)}::text[], ${calls.map((c) => c.counter.id)}::text[],
                           ${calls.map((c) => c.staffId)}::text[], ${calls.map((c) => JSON.stringify(c.counter.serviceIds))}::jsonb[],
                           ${calls.map((c) => c.now.toISOString())}::timestamp[])
        WITH ORDINALITY AS i("ticketId", "counterId", "staffId", "serviceIds", "at", "n")
    ), counter AS (
      SELECT i."n", (c.state = 'open' AND c."staffId" = i."staffId"
                     AND c."serviceIds" = ARRAY(SELECT jsonb_array_elements_text(i."serviceIds"))) AS ok
      FROM input i JOIN "Counter" c ON c.id = i."counterId" FOR SHARE OF c
    ), busy AS (
      SELECT i."n", EXISTS (SELECT 1 FROM "Ticket" t WHERE t."counterId" = i."counterId" AND t.status IN ('called', 'serving')) AS b
      FROM input i
    ), called AS (
      UPDATE "Ticket" t SET status = 'called', "counterId" = i."counterId", "staffId" = i."staffId", "calledAt" = i."at", "startedAt" = NULL
      FROM input i JOIN counter c ON c."n" = i."n" JOIN busy b ON b."n" = i."n"
      WHERE t.id = i."ticketId" AND t.status = 'waiting' AND c.ok AND NOT b.b
      RETURNING t.*
    ), event AS (
      INSERT INTO "TicketEvent" ("ticketId", "officeId", "type", "at", "serviceId", "counterId", "staffId")
      SELECT id, "officeId", 'called', "calledAt", "serviceId", "counterId", "staffId" FROM called
      RETURNING id, "ticketId"
    )
    SELECT i."n", counter."n" IS NOT NULL AS found, counter.ok, busy.b AS busy, called.*, event.id AS "eventId", s.name AS "serviceName"
    FROM input i JOIN busy ON busy."n" = i."n" LEFT JOIN counter ON counter."n" = i."n"
      LEFT JOIN called ON called.id = i."ticketId" LEFT JOIN event ON event."ticketId" = called.id
      LEFT JOIN "Service" s ON s.id = called."serviceId"
    ORDER BY i."n"`;
  return rows.map(({ n: _n, found, ...row }) => (found ? row : undefined));
}

/** One call alone (a quiet office, one clerk): confirmCalls' statement for one, cheaper to plan and run than the arrays'. */
async function confirmOne(db: SqlRunner, { ticketId, counter, staffId, now }: CallToConfirm): Promise<Confirmed | undefined> {
  const [row] = await db.$queryRaw<Confirmed[]>`
    WITH counter AS (
      SELECT (state = 'open' AND "staffId" = ${staffId} AND "serviceIds" = ${counter.serviceIds}::text[]) AS ok
      FROM "Counter" WHERE id = ${counter.id} FOR SHARE
    ), busy AS (
      SELECT EXISTS (SELECT 1 FROM "Ticket" WHERE "counterId" = ${counter.id} AND status IN ('called', 'serving')) AS b
    ), called AS (
      UPDATE "Ticket" SET status = 'called', "counterId" = ${counter.id}, "staffId" = ${staffId}, "calledAt" = ${now}, "startedAt" = NULL
      WHERE id = ${ticketId} AND status = 'waiting' AND (SELECT ok FROM counter) AND NOT (SELECT b FROM busy)
      RETURNING *
    ), event AS (
      INSERT INTO "TicketEvent" ("ticketId", "officeId", "type", "at", "serviceId", "counterId", "staffId")
      SELECT id, "officeId", 'called', ${now}, "serviceId", ${counter.id}, ${staffId} FROM called
      RETURNING id
    )
    SELECT counter.ok, busy.b AS busy, called.*, event.id AS "eventId", s.name AS "serviceName"
    FROM counter JOIN busy ON true LEFT JOIN called ON true LEFT JOIN event ON true LEFT JOIN "Service" s ON s.id = called."serviceId"`;
  return row;
}

/**
 * Calls at the same moment go to PostgreSQL together, per office (db/batcher.ts), never two of
 * one counter or one ticket in a statement: the second waits for the next one, where the first's
 * call is seen.
 */
const confirmCall = (call: CallToConfirm) =>
  perDatabase(
    rt().db,
    'callConfirmations',
    (runner) =>
      new Batcher<CallToConfirm, Confirmed | undefined>({
        send: async (calls) => (calls.length === 1 ? [await confirmOne(runner, calls[0]!)] : confirmCalls(runner, calls)),
        laneOf: (c) => c.counter.officeId,
        apart: (c) => [c.counter.id, c.ticketId],
      }),
  ).run(call);

/**
 * Calls the next citizen to a counter, without a transaction (issue 10: two statements instead of
 * four round trips holding the counter's lock across the Redis pick). Read the counter and check
 * the clerk's rule (counters/state.ts: theirs, open, not paused, idle), let Redis pick (atomic Lua
 * across the counter's queues, so two counters never get the same ticket), then let PostgreSQL
 * confirm in one statement (confirmCall). If the counter changed meanwhile (closed, paused, other
 * services) the ticket goes back into its queue with its rank and the counter is read again; a
 * stale Redis entry is dropped and the next one tried. One call next at a time per counter (the
 * lease of call_next.lua): of a double click's requests the first takes the best ticket, the
 * others are refused (counter_busy), as they were behind the counter's row lock. Redis lost its
 * queues: the pick rebuilds them (claimNext).
 */
export async function callNext(actor: Actor, counterId: string, now = new Date()) {
  const db = sql(rt().db);
  const fresh = async () => ({ ...(await readCounterForCall(db, counterId)), kept: false });
  const kept = keptCounterForCall(counterId);
  // A kept counter does not say whether a ticket is at it now: confirmCall does.
  let read = kept ? { ...kept, busy: false, kept: true } : await fresh();
  let lease: Lease | undefined;
  try {
    for (let attempt = 0; attempt < MAX_STALE_ENTRIES; attempt++) {
      const { counter, skills, busy } = read;
      try {
        checkCounterRule('call', actor, counter, busy);
      } catch (err) {
        if (!read.kept) throw err;
        // Refused on what this process kept: the counter as it is now says whether, and why.
        read = await fresh();
        continue;
      }
      const queues = counterQueuesFrom(counter, skills);
      if (!queues) throw conflict('counter_not_open', 'Open the counter first');
      const claim = await claimNext(queues, now, lease);
      if (claim === 'busy') throw counterBusy(); // another call next of this counter is under way
      if (!claim) {
        // Nobody waiting is the answer only for a counter as it is now: a kept one may be busy.
        if (!read.kept) return null;
        read = await fresh();
        continue;
      }
      lease = claim.lease;
      let confirmed: Confirmed | undefined;
      try {
        confirmed = await confirmCall({ ticketId: claim.ticketId, counter, staffId: actor.staffId, now });
      } catch (err) {
        await unclaim(claim).catch(() => undefined);
        if (isSecondCall(err)) throw counterBusy();
        throw err;
      }
      if (!confirmed || !confirmed.ok || confirmed.busy) {
        await unclaim(claim).catch(() => undefined);
        if (!confirmed) throw notFound('Counter');
        if (confirmed.busy) throw counterBusy();
        read = await fresh(); // the rule says why, or the new services are called from
        continue;
      }
      if (confirmed.eventId === null) continue; // stale entry: the ticket is no longer waiting
      const { ok: _ok, busy: _busy, eventId, serviceName, ...ticket } = confirmed;
      publishCall(ticket.officeId, callInfo(eventId, ticket, counter, { id: ticket.serviceId, name: serviceName }, now, false));
      void publishTicketStatus(ticket.code);
      publishOfficeChanged(ticket.officeId);
      return toCounterTicket({ ...ticket, service: { name: serviceName } });
    }
    throw conflict('queue_unstable', 'The queue is being rebuilt, try again');
  } finally {
    // Not waited for: one Redis round trip less before the clerk's answer. releaseLease writes it at
    // once, before the answer leaves, so the clerk's next call, through any process, reaches Redis
    // after it; if it is lost, the lease expires by itself.
    if (lease) void releaseLease(lease).catch(() => undefined);
  }
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
