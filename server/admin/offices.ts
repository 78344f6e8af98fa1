import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { conflict, notFound } from '../errors';
import { publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { withAudit } from './audit';

/**
 * Administration of offices (role admin): names, address and list order; creating an office.
 *
 * The time zone is set when an office is created and is read-only afterwards: ticket numbers
 * restart at the office's local midnight, booked appointments are stored as instants computed
 * from its local wall clock, and statistics group by its local day. Changing the zone of an office
 * in use would move every booked appointment's printed time and split "today" in two; an office
 * that truly moves is a new office.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

const officeFields = {
  name: text(120),
  nameEn: text(120),
  address: z.string().trim().max(200),
  sortOrder: z.number().int().min(0).max(10_000),
};

export const createOfficeInput = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Lowercase letters, digits and -'),
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => IANAZone.isValidZone(tz), 'Not a known time zone (e.g. Europe/Rome)')
      .default('Europe/Rome'),
    ...officeFields,
  })
  .partial({ address: true, sortOrder: true })
  .strict();
export const updateOfficeInput = z
  .object(officeFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

const officeSelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  address: true,
  timeZone: true,
  isOneStop: true,
  sortOrder: true,
} as const;

export async function adminListOffices() {
  return rt().db.office.findMany({
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
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
  // Displays and counters show the office name.
  publishOfficeChanged(officeId);
  return after;
}
