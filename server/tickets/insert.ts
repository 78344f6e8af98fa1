import type { Prisma, Ticket } from '../db/generated/client';
import type { SqlRunner } from '../db/sql';
import type { Priority } from '../db/generated/enums';
import { newTicketId } from './ids';
import { newPublicCode } from './numbering';

export interface NewTicket {
  officeId: string;
  serviceId: string;
  /** The service's prefix: numbering runs per office, local day and prefix. */
  prefix: string;
  day: string;
  priority: Priority;
  lang: string;
  queuedAt: Date;
  issuedAt: Date;
  /** What the `issued` event records besides the ticket. */
  eventData: Prisma.InputJsonObject;
}

/**
 * Numbers, inserts and logs new tickets of one numbering lane (office, local day, prefix) in one
 * SQL statement: the daily sequence's upsert moved on by as many tickets (its row lock serialises
 * concurrent issuers of one prefix), the tickets, numbered in the order given, and their `issued`
 * events. One round trip, so the sequence row stays locked for the statement only, not for a
 * conversation between the server and the database (issue 10: with the three steps as separate
 * queries in a transaction, the lock was held across several event-loop turns and issuing stopped
 * near 80/s). Several tickets at once: insert-batcher.ts. One statement text whatever their
 * number (arrays, unnest), so it is prepared once. The number is formatTicketNumber's
 * (numbering.ts): prefix and at least three digits.
 */
export async function insertTickets(db: SqlRunner, ts: readonly NewTicket[]): Promise<Ticket[]> {
  const lane = ts[0];
  if (!lane) return [];
  if (ts.some((t) => t.officeId !== lane.officeId || t.day !== lane.day || t.prefix !== lane.prefix)) {
    throw new Error('insertTickets: tickets of one numbering lane only');
  }
  const rows = await db.$queryRaw<Ticket[]>`
    WITH input AS (
      SELECT * FROM unnest(${ts.map(() => newTicketId())}::text[], ${ts.map(() => newPublicCode())}::text[],
                           ${ts.map((t) => t.serviceId)}::text[], ${ts.map((t) => t.priority)}::text[],
                           ${ts.map((t) => t.lang)}::text[], ${ts.map((t) => t.queuedAt.toISOString())}::timestamp[],
                           ${ts.map((t) => t.issuedAt.toISOString())}::timestamp[], ${ts.map((t) => JSON.stringify(t.eventData))}::jsonb[])
        WITH ORDINALITY AS i("id", "code", "serviceId", "priority", "lang", "queuedAt", "issuedAt", "data", "n")
    ), seq AS (
      INSERT INTO "DailySequence" ("officeId", "day", "prefix", "last") VALUES (${lane.officeId}, ${lane.day}, ${lane.prefix}, ${ts.length}::int)
      ON CONFLICT ("officeId", "day", "prefix") DO UPDATE SET "last" = "DailySequence"."last" + ${ts.length}::int
      RETURNING "last" - ${ts.length}::int AS "before"
    ), ticket AS (
      INSERT INTO "Ticket" ("id", "code", "number", "seq", "day", "officeId", "serviceId", "originalServiceId",
                            "priority", "lang", "queuedAt", "issuedAt")
      SELECT i."id", i."code", ${lane.prefix} || lpad((seq."before" + i."n")::text, greatest(3, length((seq."before" + i."n")::text)), '0'),
             seq."before" + i."n", ${lane.day}, ${lane.officeId}, i."serviceId", i."serviceId",
             i."priority"::"Priority", i."lang", i."queuedAt", i."issuedAt"
      FROM seq, input i
      RETURNING *
    ), event AS (
      INSERT INTO "TicketEvent" ("ticketId", "officeId", "type", "at", "serviceId", "data")
      SELECT ticket."id", ticket."officeId", 'issued', ticket."issuedAt", ticket."serviceId", i."data"
      FROM ticket JOIN input i ON i."id" = ticket."id"
    )
    SELECT * FROM ticket ORDER BY "seq"`;
  return rows;
}

/** One ticket: insertTickets with one (a transaction's, such as an appointment's check-in). */
export async function insertTicket(db: SqlRunner, t: NewTicket): Promise<Ticket> {
  const [row] = await insertTickets(db, [t]);
  return row!;
}
