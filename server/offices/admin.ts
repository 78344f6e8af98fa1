import { minutesOf } from '../../contract/calendar';
import type { createOfficeInput, officeHoursInput, updateOfficeInput } from '../../contract/admin/offices';
import type { z } from 'zod';
import { withAudit, type Tx } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { conflict, notFound, unprocessable } from '../errors';
import { publishCatalogChanged, publishDisplayChanged, publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';

/**
 * Administration of offices (role admin): names, address and list order; creating an office; its
 * walk-in hours. Every change is one transaction with its AuditLog row.
 *
 * The time zone is set when an office is created and is read-only afterwards: ticket numbers
 * restart at the office's local midnight, booked appointments are stored as instants computed
 * from its local wall clock, and statistics group by its local day. Changing the zone of an office
 * in use would move every booked appointment's printed time and split "today" in two; an office
 * that truly moves is a new office.
 */

/** For what is created in an office (a service, a counter): it must exist (422: the office is not what is changed). */
export async function requireOffice(tx: Tx, officeId: string) {
  if (!(await tx.office.findUnique({ where: { id: officeId }, select: { id: true } })))
    throw unprocessable('unknown_office', 'This office does not exist');
}

const officeSelect = {
  id: true,
  slug: true,
  name: true,
  address: true,
  timeZone: true,
  isOneStop: true,
  sortOrder: true,
} as const;

export async function adminListOffices() {
  return rt().db.office.findMany({
    orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    select: {
      ...officeSelect,
      lastTicketMinutes: true,
      hours: { select: { weekday: true, opens: true, closes: true }, orderBy: [{ weekday: 'asc' }, { opens: 'asc' }] },
    },
  });
}

export async function adminCreateOffice(actor: Actor, input: z.infer<typeof createOfficeInput>) {
  return rt().db.$transaction(async (tx) => {
    if (await tx.office.findUnique({ where: { slug: input.slug }, select: { id: true } }))
      throw conflict('slug_taken', 'Another office has this identifier');
    const last = await tx.office.aggregate({ _max: { sortOrder: true } });
    const created = await tx.office.create({
      data: { ...input, sortOrder: input.sortOrder ?? (last._max.sortOrder ?? 0) + 1 },
      select: officeSelect,
    });
    await withAudit(tx, actor, { action: 'create', entity: 'office', entityId: created.id, after: created });
    return created;
  });
}

export async function adminUpdateOffice(actor: Actor, officeId: string, input: z.infer<typeof updateOfficeInput>) {
  const after = await rt().db.$transaction(async (tx) => {
    const before = await tx.office.findUnique({ where: { id: officeId }, select: officeSelect });
    if (!before) throw notFound('Office');
    const after = await tx.office.update({ where: { id: officeId }, data: input, select: officeSelect });
    await withAudit(tx, actor, { action: 'update', entity: 'office', entityId: officeId, before, after });
    return after;
  });
  // Displays and counters show the office name; its time zone and ticket cut-off rule walk-ins.
  publishOfficeChanged(officeId);
  publishDisplayChanged(officeId);
  return after;
}

async function hoursRecord(tx: Tx, officeId: string) {
  const office = await tx.office.findUnique({
    where: { id: officeId },
    select: { lastTicketMinutes: true, hours: { select: { weekday: true, opens: true, closes: true } } },
  });
  if (!office) return null;
  const hours = [...office.hours].sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens));
  return { lastTicketMinutes: office.lastTicketMinutes, hours };
}

/** Replaces the office's walk-in hours whole (no ranges = always open). */
export async function adminSetOfficeHours(actor: Actor, officeId: string, input: z.infer<typeof officeHoursInput>) {
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
