import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { notFound } from '../errors';
import { publishCatalogChanged, publishDisplayChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { weeklyHoursInput } from '../schedules/schedules';
import { minutesOf } from '../schedules/slots';
import { withAudit, type Tx } from './audit';

/**
 * Walk-in opening hours of an office (role admin): the weekly ranges in which the kiosk issues
 * tickets, and how many minutes before each closing it stops. No ranges = always open.
 * The ranges are validated like appointment hours (weeklyHoursInput: closes after opens, no
 * overlap on a day).
 */
export const officeHoursInput = z
  .object({
    hours: weeklyHoursInput,
    lastTicketMinutes: z.number().int().min(0).max(240),
  })
  .strict();

async function hoursRecord(tx: Tx, officeId: string) {
  const office = await tx.office.findUnique({
    where: { id: officeId },
    select: { lastTicketMinutes: true, hours: { select: { weekday: true, opens: true, closes: true } } },
  });
  if (!office) return null;
  const hours = [...office.hours].sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens));
  return { lastTicketMinutes: office.lastTicketMinutes, hours };
}

/** Replaces the office's walk-in hours whole, with its audit row, in one transaction. */
export async function setOfficeHours(actor: Actor, officeId: string, input: z.infer<typeof officeHoursInput>) {
  const after = await rt().db.$transaction(async (tx) => {
    const before = await hoursRecord(tx, officeId);
    if (!before) throw notFound('Office');
    await tx.officeHours.deleteMany({ where: { officeId } });
    await tx.officeHours.createMany({ data: input.hours.map((h) => ({ officeId, ...h })) });
    await tx.office.update({ where: { id: officeId }, data: { lastTicketMinutes: input.lastTicketMinutes } });
    const after = (await hoursRecord(tx, officeId))!;
    await withAudit(tx, actor, { action: 'update', entity: 'office', entityId: officeId, before, after });
    return after;
  });
  // Open kiosks reload their catalogue, which carries the walk-in status, and the office's displays
  // subscribe again for theirs: they open or close at once.
  publishCatalogChanged();
  publishDisplayChanged(officeId);
  return after;
}
