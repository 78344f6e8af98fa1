import type { z } from 'zod';
import { completeInput, transferInput } from '../../contract/tickets';
import type { Actor } from '../auth/actor';
import { isSupervisor } from '../auth/actor';
import { Prisma, type Ticket } from '../db/generated/client';
import { Batcher } from '../db/batcher';
import { perDatabase, sql, type SqlRunner } from '../db/sql';
import type { TicketEventType, TicketStatus } from '../db/generated/enums';
import { AppError, forbidden, notFound } from '../errors';
import { log } from '../log';
import { enqueue, queueKeyOf } from '../queue/engine';
import { publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { publishTicketStatus } from './snapshot';
import { allowedFrom, assertTransition, type TicketAction } from './transitions';
import { toCounterTicket, type TicketForCounter } from './views';

/**
 * A clerk acts on the tickets at their own counter; supervisors on any ticket. A ticket at nobody's
 * counter (waiting, or waiting again after the clerk's own transfer won a double click) is not a
 * colleague's: what the clerk asked is refused as a change of state (409), not as a permission.
 */
const heldByColleague = (ticketStaffId: string | null, staffId: string) => ticketStaffId !== null && ticketStaffId !== staffId;

/** The ticket a clerk acts on (plain SQL, db/sql.ts: every start, complete and no-show reads it). */
export async function loadForActor(actor: Actor, ticketId: string): Promise<TicketForCounter> {
  const [row] = await sql(rt().db).$queryRaw<(Ticket & { serviceName: Prisma.JsonValue })[]>`
    SELECT t.*, s.name AS "serviceName" FROM "Ticket" t JOIN "Service" s ON s.id = t."serviceId" WHERE t.id = ${ticketId}`;
  if (!row) throw notFound('Ticket');
  const { serviceName, ...ticket } = row;
  const t = { ...ticket, service: { name: serviceName } };
  if (!isSupervisor(actor) && heldByColleague(t.staffId, actor.staffId)) throw forbidden('This ticket is not at your counter');
  return t;
}

/** What a counter-side transition may change on a ticket (columns of "Ticket"). */
export interface TicketChanges {
  status?: TicketStatus;
  calledAt?: Date | null;
  /** An SQL expression too: a completion keeps the start it had, else the call. */
  startedAt?: Date | null | Prisma.Sql;
  finishedAt?: Date | null;
  outcome?: string | null;
  note?: string | null;
  serviceId?: string;
  counterId?: string | null;
  staffId?: string | null;
  targetCounterId?: string | null;
  targetStaffId?: string | null;
  recallCount?: { increment: number };
}

function setClause(data: TicketChanges): Prisma.Sql {
  const sets = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([col, v]) => {
      // Column names come from TicketChanges' keys, never from input.
      const c = Prisma.raw(`"${col}"`);
      if (col === 'status') return Prisma.sql`${c} = ${v}::"TicketStatus"`;
      if (col === 'recallCount') return Prisma.sql`${c} = ${c} + ${(v as { increment: number }).increment}`;
      if (v instanceof Prisma.Sql) return Prisma.sql`${c} = ${v}`;
      return Prisma.sql`${c} = ${v}`;
    });
  return Prisma.join(sets, ', ');
}

type Transitioned = Ticket & { serviceName: Prisma.JsonValue; eventId: bigint; eventAt: Date };

interface TransitionWrite {
  ticketId: string;
  action: TicketAction;
  eventType: TicketEventType;
  data: TicketChanges;
  actor: Actor;
  eventData?: Prisma.InputJsonValue;
  fromServiceId?: string;
  /** The counter the event happened at: the ticket's before the change (a transfer clears it). */
  eventCounterId: Prisma.Sql;
  /** Only a ticket this clerk has (a clerk's own action; supervisors act on any). */
  ownedBy?: string;
  now: Date;
}

/** The conditional UPDATE on the expected states and its event, in one statement; no row if nothing matched. */
async function writeTransition(tx: SqlRunner, w: TransitionWrite): Promise<Transitioned | undefined> {
  const allowed = Prisma.join([...allowedFrom[w.action]]);
  const owned = w.ownedBy === undefined ? Prisma.empty : Prisma.sql`AND "staffId" = ${w.ownedBy}`;
  const [row] = await tx.$queryRaw<Transitioned[]>`
    WITH changed AS (
      UPDATE "Ticket" SET ${setClause(w.data)}
      WHERE id = ${w.ticketId} AND status::text IN (${allowed}) ${owned}
      RETURNING *
    ), event AS (
      INSERT INTO "TicketEvent" ("ticketId", "officeId", "type", "at", "serviceId", "fromServiceId", "counterId", "staffId", "data")
      SELECT id, "officeId", ${w.eventType}::"TicketEventType", ${w.now}, "serviceId", ${w.fromServiceId ?? null}, ${w.eventCounterId},
             ${w.actor.staffId}, ${w.eventData === undefined ? null : JSON.stringify(w.eventData)}::jsonb
      FROM changed
      RETURNING id, at
    )
    SELECT changed.*, s.name AS "serviceName", event.id AS "eventId", event.at AS "eventAt"
    FROM changed JOIN event ON true JOIN "Service" s ON s.id = changed."serviceId"`;
  return row;
}

function written(row: Transitioned) {
  const { serviceName, eventId, eventAt, ...updated } = row;
  return { ticket: { ...updated, service: { name: serviceName } }, event: { id: eventId, at: eventAt } };
}

const changedMeanwhile = () => new AppError(409, 'invalid_transition', 'The ticket changed meanwhile, reload');

/**
 * One counter-side transition in one statement: a conditional UPDATE on the expected states and
 * its event (issue 10: it was five round trips in a transaction). If another request changed the
 * ticket meanwhile, nothing is written and the caller gets 409. Runs in the caller's transaction
 * when it passes one (a recall under the counter's lock), else on its own.
 */
export async function applyTransition(
  tx: SqlRunner,
  ticket: TicketForCounter,
  action: TicketAction,
  eventType: TicketEventType,
  data: TicketChanges,
  actor: Actor,
  eventData?: Prisma.InputJsonValue,
  fromServiceId?: string,
  now = new Date(),
) {
  assertTransition(action, ticket.status);
  const eventCounterId = Prisma.sql`${ticket.counterId}`;
  const row = await writeTransition(tx, {
    ticketId: ticket.id,
    action,
    eventType,
    data,
    actor,
    eventData,
    fromServiceId,
    eventCounterId,
    now,
  });
  if (!row) {
    const [fresh] = await tx.$queryRaw<{ status: TicketStatus }[]>`SELECT status FROM "Ticket" WHERE id = ${ticket.id}`;
    if (!fresh) throw notFound('Ticket');
    assertTransition(action, fresh.status);
    throw changedMeanwhile();
  }
  return written(row);
}

interface Completion {
  ticketId: string;
  /** Only a ticket this clerk has; undefined: a supervisor's, any ticket. */
  ownedBy: string | undefined;
  actor: Actor;
  outcome: string;
  note: string | undefined;
  now: Date;
}

/**
 * Completions in one statement (those that arrive together: completions), each as
 * writeTransition writes one: the ticket completed where it still is called or served (and is
 * the clerk's), its `completed` event at the ticket's counter. Per completion, in order: undefined
 * where nothing matched.
 */
async function writeCompletions(db: SqlRunner, cs: readonly Completion[]): Promise<(Transitioned | undefined)[]> {
  const rows = await db.$queryRaw<(Transitioned & { n: bigint; changed: boolean })[]>`
    WITH input AS (
      SELECT * FROM unnest(${cs.map((c) => c.ticketId)}::text[], ${cs.map((c) => c.ownedBy ?? null)}::text[],
                           ${cs.map((c) => c.actor.staffId)}::text[], ${cs.map((c) => c.outcome)}::text[],
                           ${cs.map((c) => c.note ?? null)}::text[], ${cs.map((c) => c.now.toISOString())}::timestamp[])
        WITH ORDINALITY AS i("ticketId", "ownedBy", "staffId", "outcome", "note", "at", "n")
    ), changed AS (
      UPDATE "Ticket" t SET "status" = 'completed', "finishedAt" = i."at", "startedAt" = COALESCE(t."startedAt", t."calledAt", i."at"),
                            "outcome" = i."outcome", "note" = COALESCE(i."note", t."note")
      FROM input i
      WHERE t.id = i."ticketId" AND t.status::text = ANY(${[...allowedFrom.complete]}::text[])
        AND (i."ownedBy" IS NULL OR t."staffId" = i."ownedBy")
      RETURNING t.*
    ), event AS (
      INSERT INTO "TicketEvent" ("ticketId", "officeId", "type", "at", "serviceId", "counterId", "staffId", "data")
      SELECT c.id, c."officeId", 'completed', i."at", c."serviceId", c."counterId", i."staffId", jsonb_build_object('outcome', i."outcome")
      FROM changed c JOIN input i ON i."ticketId" = c.id
      RETURNING id, at, "ticketId"
    )
    SELECT i."n", changed.id IS NOT NULL AS changed, changed.*, s.name AS "serviceName", event.id AS "eventId", event.at AS "eventAt"
    FROM input i LEFT JOIN changed ON changed.id = i."ticketId" LEFT JOIN event ON event."ticketId" = changed.id
      LEFT JOIN "Service" s ON s.id = changed."serviceId"
    ORDER BY i."n"`;
  return rows.map(({ n: _n, changed, ...row }) => (changed ? row : undefined));
}

/** One completion alone: writeTransition's statement, cheaper to plan and run than the arrays'. */
function completeOne(db: SqlRunner, c: Completion): Promise<Transitioned | undefined> {
  return writeTransition(db, {
    ticketId: c.ticketId,
    action: 'complete',
    eventType: 'completed',
    data: {
      status: 'completed',
      finishedAt: c.now,
      // Completed straight from `called`: the service began when the citizen was called.
      startedAt: Prisma.sql`COALESCE("startedAt", "calledAt", ${c.now})`,
      outcome: c.outcome,
      note: c.note,
    },
    actor: c.actor,
    eventData: { outcome: c.outcome },
    eventCounterId: Prisma.sql`"counterId"`,
    ownedBy: c.ownedBy,
    now: c.now,
  });
}

/**
 * Completions at the same moment go to PostgreSQL together (db/batcher.ts), whatever their office:
 * a completion takes no lock another office's write waits on. Never two of one ticket in a statement.
 */
const completion = (c: Completion) =>
  perDatabase(
    rt().db,
    'completions',
    (runner) =>
      new Batcher<Completion, Transitioned | undefined>({
        send: async (cs) => (cs.length === 1 ? [await completeOne(runner, cs[0]!)] : writeCompletions(runner, cs)),
        laneOf: () => 'all',
        apart: (c) => [c.ticketId],
      }),
  ).run(c);

/**
 * A clerk's start, completion or no-show of the ticket at their counter, without reading it first
 * (issue 10: every visit ends with one): the clerk's ownership, the expected states and the write
 * in one statement (`write`). Only when nothing was written is the ticket read, to say why — with
 * the same answers, in the same order, as loadForActor and assertTransition.
 */
async function transitionOwn(
  actor: Actor,
  ticketId: string,
  action: TicketAction,
  write: (ownedBy: string | undefined) => Promise<Transitioned | undefined>,
) {
  const db = sql(rt().db);
  const ownedBy = isSupervisor(actor) ? undefined : actor.staffId;
  const row = await write(ownedBy);
  if (row) return written(row).ticket;
  const [fresh] = await db.$queryRaw<{ status: TicketStatus; staffId: string | null }[]>`
    SELECT status, "staffId" FROM "Ticket" WHERE id = ${ticketId}`;
  if (!fresh) throw notFound('Ticket');
  if (ownedBy !== undefined && heldByColleague(fresh.staffId, ownedBy)) throw forbidden('This ticket is not at your counter');
  assertTransition(action, fresh.status);
  throw changedMeanwhile();
}

/** A start or a no-show (they keep the counter): writeTransition on its own. */
function writeOwn(
  actor: Actor,
  ticketId: string,
  action: TicketAction,
  eventType: TicketEventType,
  data: TicketChanges,
  now: Date,
) {
  const eventCounterId = Prisma.sql`"counterId"`;
  return (ownedBy: string | undefined) =>
    writeTransition(sql(rt().db), { ticketId, action, eventType, data, actor, eventCounterId, ownedBy, now });
}

type TransitionArgs = Parameters<typeof applyTransition> extends [unknown, ...infer A] ? A : never;

/** `applyTransition` on its own: one statement is atomic by itself. */
function transition(...args: TransitionArgs) {
  return applyTransition(sql(rt().db), ...args);
}

/** The phone hears at once; counters' lists follow with the office's next batched update. */
function afterChange(t: TicketForCounter) {
  void publishTicketStatus(t.code);
  publishOfficeChanged(t.officeId);
}

export async function startTicket(actor: Actor, ticketId: string, now = new Date()) {
  const ticket = await transitionOwn(
    actor,
    ticketId,
    'start',
    writeOwn(actor, ticketId, 'start', 'started', { status: 'serving', startedAt: now }, now),
  );
  afterChange(ticket);
  return toCounterTicket(ticket);
}

export async function completeTicket(actor: Actor, ticketId: string, raw: z.input<typeof completeInput>, now = new Date()) {
  const input = completeInput.parse(raw);
  const ticket = await transitionOwn(actor, ticketId, 'complete', (ownedBy) =>
    completion({ ticketId, ownedBy, actor, outcome: input.outcome, note: input.note, now }),
  );
  afterChange(ticket);
  return toCounterTicket(ticket);
}

export async function noShowTicket(actor: Actor, ticketId: string, now = new Date()) {
  const ticket = await transitionOwn(
    actor,
    ticketId,
    'no_show',
    writeOwn(actor, ticketId, 'no_show', 'no_show', { status: 'no_show', finishedAt: now }, now),
  );
  afterChange(ticket);
  return toCounterTicket(ticket);
}

/**
 * Sends the citizen on, keeping the number and the original arrival time (so they do not start
 * over at the back): to another service's queue, to one counter, or to one colleague.
 */
export async function transferTicket(actor: Actor, ticketId: string, raw: z.input<typeof transferInput>, now = new Date()) {
  const input = transferInput.parse(raw);
  const { db } = rt();
  const t = await loadForActor(actor, ticketId);
  let serviceId = t.serviceId;
  if (input.serviceId) {
    const s = await db.service.findUnique({ where: { id: input.serviceId } });
    if (!s || !s.active) throw notFound('Service');
    if (s.officeId !== t.officeId)
      throw new AppError(422, 'other_office', 'That service is served in another office: book an appointment instead');
    if (s.mode !== 'desk') throw new AppError(422, 'service_by_appointment', 'That service is served by appointment');
    serviceId = s.id;
  }
  if (input.counterId) {
    const c = await db.counter.findUnique({ where: { id: input.counterId } });
    if (!c || c.officeId !== t.officeId) throw notFound('Counter');
    if (c.id === t.counterId) throw new AppError(422, 'same_counter', 'The ticket is already at that counter');
  }
  if (input.staffId) {
    const s = await db.staff.findUnique({ where: { id: input.staffId } });
    if (!s || !s.active) throw notFound('Staff member');
    if (s.id === t.staffId) throw new AppError(422, 'same_staff', 'The ticket is already yours');
  }
  const { ticket } = await transition(
    t,
    'transfer',
    'transferred',
    {
      status: 'waiting',
      serviceId,
      targetCounterId: input.counterId ?? null,
      targetStaffId: input.staffId ?? null,
      counterId: null,
      staffId: null,
      calledAt: null,
      startedAt: null,
      note: input.note ?? t.note,
    },
    actor,
    { toServiceId: serviceId, toCounterId: input.counterId ?? null, toStaffId: input.staffId ?? null, note: input.note ?? null },
    t.serviceId,
    now,
  );
  try {
    await enqueue(ticket, [queueKeyOf(t)]);
  } catch (err) {
    log.warn(
      { err, ticketId: ticket.id },
      `ticket ${ticket.number} transferred but not queued in Redis yet; the reconciler will add it`,
    );
  }
  afterChange(ticket);
  return toCounterTicket(ticket);
}
