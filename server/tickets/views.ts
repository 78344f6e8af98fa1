import { Prisma, type Ticket } from '../db/generated/client';
import { sql } from '../db/sql';
import { liveOffice } from '../estimates/live-waits';
import { newcomerEstimate, type OfficeWaits, type WaitEstimate } from '../estimates/wait-model';
import { aheadInQueueMany, ensureBuilt } from '../queue/engine';
import { bandLow, competingServices, estimateMinutes } from '../queue/estimates';
import type { CounterTicket, TicketPublic } from '../../contract/tickets';
import { rt } from '../runtime';
import { textOf } from '../db/texts';
import { toLanguage, type Lang } from '../../contract/lang';

/** A ticket with what its public view shows of its service, office and counter (publicTickets reads it). */
export type TicketWithPublic = Ticket & {
  service: { id: string; name: Prisma.JsonValue; prefix: string; expectedMinutes: number };
  office: { id: string; name: Prisma.JsonValue };
  counter: { number: number; name: string } | null;
  /** The id of the ticket's newest event: the view's version (ticketPublicSchema). */
  version: number;
};

/** What the phone page may see: number, service, place in line, counter. No personal data. */
export async function toPublic(t: TicketWithPublic, now = new Date()): Promise<TicketPublic> {
  return (await toPublicMany([t], now))[0];
}

/**
 * Batch form: per office the shared estimate of every waiting ticket (estimates/live-waits.ts) and one Redis
 * round trip for all positions. A ticket no open counter serves gets the plain formula instead.
 */
export async function toPublicMany(tickets: TicketWithPublic[], now = new Date()): Promise<TicketPublic[]> {
  const waiting = tickets.filter((t) => t.status === 'waiting');
  const waitsOf = new Map<string, OfficeWaits>();
  const positions = new Map<string, number>();
  for (const officeId of new Set(waiting.map((t) => t.officeId))) {
    await ensureBuilt(officeId);
    const { waits, openCounterServices } = await liveOffice(officeId, now);
    waitsOf.set(officeId, waits);
    const ahead = await aheadInQueueMany(
      waiting.filter((t) => t.officeId === officeId),
      competingServices(openCounterServices),
    );
    for (const [id, n] of ahead) positions.set(id, n);
  }
  return tickets.map((t) => {
    let position: number | null = null;
    let estimate: { minutes: number; low: number; high: number } | null = null;
    if (t.status === 'waiting') {
      position = positions.get(t.id) ?? 0;
      const fallback = estimateMinutes(position, t.service.expectedMinutes, 1);
      const waits = waitsOf.get(t.officeId)!;
      // A ticket taken since the office's estimate was computed waits like a newcomer of its
      // service and priority (or of its booked slot); the feed's next pass gives it its own.
      const e: WaitEstimate | undefined = waits.tickets.get(t.id) ?? newcomerEstimate(waits, t);
      estimate = e ?? { minutes: fallback, low: bandLow(fallback), high: fallback };
    }
    return {
      code: t.code,
      number: t.number,
      status: t.status,
      priority: t.priority,
      service: { id: t.service.id, name: textOf(t.service.name), prefix: t.service.prefix },
      office: { id: t.office.id, name: textOf(t.office.name) },
      position,
      estimatedWaitMinutes: estimate?.minutes ?? null,
      estimatedWaitMinMinutes: estimate?.low ?? null,
      estimatedWaitMaxMinutes: estimate?.high ?? null,
      counter: t.status === 'called' || t.status === 'serving' ? t.counter : null,
      issuedAt: t.issuedAt.toISOString(),
      calledAt: t.calledAt?.toISOString() ?? null,
      version: t.version,
    };
  });
}

export const counterTicketInclude = {
  service: { select: { name: true } },
} satisfies Prisma.TicketInclude;

export type TicketForCounter = Prisma.TicketGetPayload<{ include: typeof counterTicketInclude }>;

export function toCounterTicket(t: TicketForCounter): CounterTicket {
  return {
    id: t.id,
    code: t.code,
    number: t.number,
    status: t.status,
    priority: t.priority,
    serviceId: t.serviceId,
    serviceName: textOf(t.service.name),
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    startedAt: t.startedAt?.toISOString() ?? null,
    recallCount: t.recallCount,
    transferred: t.serviceId !== t.originalServiceId || t.targetCounterId !== null || t.targetStaffId !== null,
    note: t.note,
  };
}

type PublicRow = Ticket & {
  serviceName: Prisma.JsonValue;
  servicePrefix: string;
  serviceExpectedMinutes: number;
  officeName: Prisma.JsonValue;
  counterNumber: number | null;
  counterName: string | null;
  lastEventId: bigint | null;
};

const PUBLIC_SELECT = Prisma.sql`
    SELECT t.*, s.name AS "serviceName", s.prefix AS "servicePrefix", s."expectedMinutes" AS "serviceExpectedMinutes",
           o.name AS "officeName", c.number AS "counterNumber", c.name AS "counterName",
           (SELECT max(e.id) FROM "TicketEvent" e WHERE e."ticketId" = t.id) AS "lastEventId"
    FROM "Ticket" t JOIN "Service" s ON s.id = t."serviceId" JOIN "Office" o ON o.id = t."officeId"
    LEFT JOIN "Counter" c ON c.id = t."counterId"`;

function withPublic(row: PublicRow): TicketWithPublic {
  const { serviceName, servicePrefix, serviceExpectedMinutes, officeName, counterNumber, counterName, lastEventId, ...ticket } =
    row;
  return {
    ...ticket,
    service: { id: ticket.serviceId, name: serviceName, prefix: servicePrefix, expectedMinutes: serviceExpectedMinutes },
    office: { id: ticket.officeId, name: officeName },
    counter: counterNumber === null || counterName === null ? null : { number: counterNumber, name: counterName },
    version: Number(lastEventId ?? 0),
  };
}

/**
 * The tickets that meet `where` (SQL on `t`, the ticket) with what their public views need, in
 * one statement. Plain SQL (db/sql.ts): after every call, start and completion the ticket's phone
 * is told (tickets/snapshot.ts publishTicketStatus), and a reconnect storm reads thousands at once.
 */
async function publicTickets(where: Prisma.Sql): Promise<TicketWithPublic[]> {
  const rows = await sql(rt().db).$queryRaw<PublicRow[]>`${PUBLIC_SELECT} WHERE ${where}`;
  return rows.map(withPublic);
}

/** One ticket with its public view's parts, by id or code (null: no such ticket). */
export async function publicTicket(where: { id: string } | { code: string }): Promise<TicketWithPublic | null> {
  const [t] = await publicTickets('id' in where ? Prisma.sql`t.id = ${where.id}` : Prisma.sql`t.code = ${where.code}`);
  return t ?? null;
}

/** The waiting tickets of an office, or those of `codes` still waiting, with their public views' parts. */
export async function waitingPublicTickets(of: { officeId: string } | { codes: string[] }): Promise<TicketWithPublic[]> {
  const which = 'officeId' in of ? Prisma.sql`t."officeId" = ${of.officeId}` : Prisma.sql`t.code = ANY(${of.codes})`;
  return publicTickets(Prisma.sql`${which} AND t.status = 'waiting'`);
}

/** A phone page's view of one ticket. */
export async function publicTicketByCode(code: string): Promise<TicketPublic | null> {
  const t = await publicTicket({ code });
  return t ? toPublic(t) : null;
}

/** The same for many phone pages at once (a reconnect storm): one query, positions in one round trip per office. */
export async function publicTicketsByCode(codes: string[]): Promise<Map<string, TicketPublic>> {
  const tickets = await publicTickets(Prisma.sql`t.code = ANY(${codes})`);
  return new Map((await toPublicMany(tickets)).map((t) => [t.code, t]));
}

/** The language the ticket was taken in (the phone page opens in it), or null for an unknown code. */
export async function ticketLanguage(code: string): Promise<Lang | null> {
  const t = await rt().db.ticket.findUnique({ where: { code }, select: { lang: true } });
  return t ? toLanguage(t.lang) : null;
}
