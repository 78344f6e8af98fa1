import type { Prisma } from '../db/generated/client';
import { aheadInQueueMany, ensureBuilt } from '../queue/engine';
import { estimateContext, estimateMinutes, type EstimateContext } from '../queue/estimates';
import type { CounterTicket, TicketPublic } from '../../contract/tickets';
import { rt } from '../runtime';
import { textOf } from '../db/texts';
import { toLanguage, type Lang } from '../../contract/lang';

export const publicTicketInclude = {
  service: { select: { id: true, name: true, prefix: true, expectedMinutes: true } },
  office: { select: { id: true, name: true } },
  counter: { select: { number: true, name: true } },
} satisfies Prisma.TicketInclude;

export type TicketWithPublic = Prisma.TicketGetPayload<{ include: typeof publicTicketInclude }>;

/** What the phone page may see: number, service, place in line, counter. No personal data. */
export async function toPublic(t: TicketWithPublic): Promise<TicketPublic> {
  return (await toPublicMany([t]))[0];
}

/** Batch form: one estimate context per office and one Redis round trip for all positions. */
export async function toPublicMany(tickets: TicketWithPublic[]): Promise<TicketPublic[]> {
  const waiting = tickets.filter((t) => t.status === 'waiting');
  const contexts = new Map<string, EstimateContext>();
  const positions = new Map<string, number>();
  for (const officeId of new Set(waiting.map((t) => t.officeId))) {
    await ensureBuilt(officeId);
    const ctx = await estimateContext(officeId);
    contexts.set(officeId, ctx);
    const ahead = await aheadInQueueMany(
      waiting.filter((t) => t.officeId === officeId),
      ctx.competing,
    );
    for (const [id, n] of ahead) positions.set(id, n);
  }
  return tickets.map((t) => {
    let position: number | null = null;
    let estimate: number | null = null;
    if (t.status === 'waiting') {
      position = positions.get(t.id) ?? 0;
      const ctx = contexts.get(t.officeId) as EstimateContext;
      estimate = estimateMinutes(position, ctx.average(t.serviceId, t.service.expectedMinutes), ctx.openCounters(t.serviceId));
    }
    return {
      code: t.code,
      number: t.number,
      status: t.status,
      priority: t.priority,
      service: { id: t.service.id, name: textOf(t.service.name), prefix: t.service.prefix },
      office: { id: t.office.id, name: textOf(t.office.name) },
      position,
      estimatedWaitMinutes: estimate,
      counter: t.status === 'called' || t.status === 'serving' ? t.counter : null,
      issuedAt: t.issuedAt.toISOString(),
      calledAt: t.calledAt?.toISOString() ?? null,
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

export async function publicTicketByCode(code: string): Promise<TicketPublic | null> {
  const t = await rt().db.ticket.findUnique({ where: { code }, include: publicTicketInclude });
  return t ? toPublic(t) : null;
}

/** The language the ticket was taken in (the phone page opens in it), or null for an unknown code. */
export async function ticketLanguage(code: string): Promise<Lang | null> {
  const t = await rt().db.ticket.findUnique({ where: { code }, select: { lang: true } });
  return t ? toLanguage(t.lang) : null;
}
