import type { CreateDisplayInput, UpdateDisplayInput } from '../../contract/admin/displays';
import { withAudit, type Tx } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { conflict, notFound, unprocessable } from '../errors';
import { requireOffice } from '../offices/admin';
import { publishDisplayChanged } from '../realtime/publish';
import { rt } from '../runtime';

/**
 * Administration of the waiting-room displays (role admin). Every change is one transaction with
 * its AuditLog row; afterwards the office's open display screens are told to subscribe again, so
 * they show the new services, name and ticker without a reload.
 */

export async function adminListDisplays(officeId?: string) {
  return rt().db.display.findMany({ where: { officeId }, orderBy: [{ officeId: 'asc' }, { name: 'asc' }] });
}

/** Services and categories must exist and belong to the display's office (a category: have services there). */
async function checkSelection(tx: Tx, officeId: string, serviceIds: string[], categoryIds: string[]) {
  if (serviceIds.length) {
    const found = await tx.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, officeId: true } });
    const known = new Set(found.map((s) => s.id));
    const unknown = serviceIds.filter((i) => !known.has(i));
    if (unknown.length) throw unprocessable('unknown_service', 'Some services do not exist', { serviceIds: unknown });
    const elsewhere = found.filter((s) => s.officeId !== officeId).map((s) => s.id);
    if (elsewhere.length)
      throw unprocessable('other_office', 'Some services belong to another office', { serviceIds: elsewhere });
  }
  if (categoryIds.length) {
    const found = await tx.category.findMany({ where: { id: { in: categoryIds } }, select: { id: true } });
    const known = new Set(found.map((c) => c.id));
    const unknown = categoryIds.filter((i) => !known.has(i));
    if (unknown.length) throw unprocessable('unknown_category', 'Some categories do not exist', { categoryIds: unknown });
    const used = await tx.service.findMany({
      where: { officeId, categoryId: { in: categoryIds } },
      select: { categoryId: true },
      distinct: ['categoryId'],
    });
    const here = new Set(used.map((s) => s.categoryId));
    const empty = categoryIds.filter((i) => !here.has(i));
    if (empty.length)
      throw unprocessable('other_office', 'Some categories have no services in this office', { categoryIds: empty });
  }
}

async function slugFree(tx: Tx, slug: string, except?: string) {
  const other = await tx.display.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== except) throw conflict('display_slug_taken', 'Another display has this address name');
}

export async function adminCreateDisplay(actor: Actor, input: CreateDisplayInput) {
  const created = await rt().db.$transaction(async (tx) => {
    await requireOffice(tx, input.officeId);
    await checkSelection(tx, input.officeId, input.serviceIds ?? [], input.categoryIds ?? []);
    await slugFree(tx, input.slug);
    const created = await tx.display.create({ data: input });
    await withAudit(tx, actor, { action: 'create', entity: 'display', entityId: created.id, after: created });
    return created;
  });
  publishDisplayChanged(created.officeId);
  return created;
}

export async function adminUpdateDisplay(actor: Actor, displayId: string, input: UpdateDisplayInput) {
  const after = await rt().db.$transaction(async (tx) => {
    const before = await tx.display.findUnique({ where: { id: displayId } });
    if (!before) throw notFound('Display');
    await checkSelection(tx, before.officeId, input.serviceIds ?? [], input.categoryIds ?? []);
    if (input.slug !== undefined) await slugFree(tx, input.slug, displayId);
    const after = await tx.display.update({ where: { id: displayId }, data: input });
    await withAudit(tx, actor, { action: 'update', entity: 'display', entityId: displayId, before, after });
    return after;
  });
  publishDisplayChanged(after.officeId);
  return after;
}

/** A display has no history worth keeping: it is deleted (its audit rows stay). */
export async function adminDeleteDisplay(actor: Actor, displayId: string): Promise<void> {
  const before = await rt().db.$transaction(async (tx) => {
    const before = await tx.display.findUnique({ where: { id: displayId } });
    if (!before) throw notFound('Display');
    await tx.display.delete({ where: { id: displayId } });
    await withAudit(tx, actor, { action: 'delete', entity: 'display', entityId: displayId, before });
    return before;
  });
  publishDisplayChanged(before.officeId);
}
