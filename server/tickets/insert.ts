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
 * Numbers, inserts and logs a new ticket in one SQL statement: the daily sequence's upsert (its
 * row lock serialises concurrent kiosks of one prefix), the ticket, and its `issued` event. One
 * round trip, so the sequence row stays locked for the statement only, not for a conversation
 * between the server and the database (issue 10: with the three steps as separate queries in a
 * transaction, the lock was held across several event-loop turns and issuing stopped near 80/s).
 * The number is formatTicketNumber's (numbering.ts): prefix and at least three digits.
 */
export async function insertTicket(db: SqlRunner, t: NewTicket): Promise<Ticket> {
  const rows = await db.$queryRaw<Ticket[]>`
    WITH seq AS (
      INSERT INTO "DailySequence" ("officeId", "day", "prefix", "last") VALUES (${t.officeId}, ${t.day}, ${t.prefix}, 1)
      ON CONFLICT ("officeId", "day", "prefix") DO UPDATE SET "last" = "DailySequence"."last" + 1
      RETURNING "last"
    ), ticket AS (
      INSERT INTO "Ticket" ("id", "code", "number", "seq", "day", "officeId", "serviceId", "originalServiceId",
                            "priority", "lang", "queuedAt", "issuedAt")
      SELECT ${newTicketId()}, ${newPublicCode()}, ${t.prefix} || lpad(seq."last"::text, greatest(3, length(seq."last"::text)), '0'),
             seq."last", ${t.day}, ${t.officeId}, ${t.serviceId}, ${t.serviceId},
             ${t.priority}::"Priority", ${t.lang}, ${t.queuedAt}, ${t.issuedAt}
      FROM seq
      RETURNING *
    ), event AS (
      INSERT INTO "TicketEvent" ("ticketId", "officeId", "type", "at", "serviceId", "data")
      SELECT ticket."id", ticket."officeId", 'issued', ticket."issuedAt", ticket."serviceId", ${JSON.stringify(t.eventData)}::jsonb
      FROM ticket
    )
    SELECT * FROM ticket`;
  return rows[0];
}
