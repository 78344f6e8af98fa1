import type { createCategoryInput, updateCategoryInput } from '../../contract/admin/catalog';
import type { z } from 'zod';
import { withAudit, type Tx } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { conflict, notFound, unprocessable } from '../errors';
import { publishCatalogChanged, publishOfficeChanged } from '../realtime/publish';
import { textOf } from '../db/texts';
import { rt } from '../runtime';

/**
 * Administration of the categories (role admin). Every change is one transaction with its
 * AuditLog row; category names and order are shown by every office's screens and by the kiosks,
 * which all get them afresh.
 */

/** For a service's category: it must exist (422, not 404: the service is what is being changed). */
export async function requireCategory(tx: Tx, categoryId: string) {
  if (!(await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } })))
    throw unprocessable('unknown_category', 'This category does not exist');
}

export async function adminListCategories() {
  const rows = await rt().db.category.findMany({
    orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    include: { _count: { select: { services: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, name: textOf(c.name), services: _count.services }));
}

async function publishAllOffices() {
  for (const o of await rt().db.office.findMany({ select: { id: true } })) publishOfficeChanged(o.id);
  publishCatalogChanged();
}

export async function adminCreateCategory(actor: Actor, input: z.infer<typeof createCategoryInput>) {
  const category = await rt().db.$transaction(async (tx) => {
    if (await tx.category.findUnique({ where: { slug: input.slug }, select: { id: true } }))
      throw conflict('slug_taken', 'Another category has this slug');
    const last = await tx.category.aggregate({ _max: { sortOrder: true } });
    const created = await tx.category.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
    await withAudit(tx, actor, { action: 'create', entity: 'category', entityId: created.id, after: created });
    return created;
  });
  publishCatalogChanged();
  return category;
}

export async function adminUpdateCategory(actor: Actor, categoryId: string, input: z.infer<typeof updateCategoryInput>) {
  const after = await rt().db.$transaction(async (tx) => {
    const before = await tx.category.findUnique({ where: { id: categoryId } });
    if (!before) throw notFound('Category');
    const after = await tx.category.update({ where: { id: categoryId }, data: input });
    await withAudit(tx, actor, { action: 'update', entity: 'category', entityId: categoryId, before, after });
    return after;
  });
  await publishAllOffices();
  return after;
}

/** The kiosk order: `ids` lists every category once, first shown first. */
export async function adminReorderCategories(actor: Actor, ids: string[]) {
  await rt().db.$transaction(async (tx) => {
    const all = await tx.category.findMany({
      orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
      select: { id: true, sortOrder: true },
    });
    const known = new Set(all.map((c) => c.id));
    if (new Set(ids).size !== ids.length || ids.length !== all.length || ids.some((i) => !known.has(i))) {
      throw unprocessable('order_incomplete', 'List every category exactly once');
    }
    for (const [i, cid] of ids.entries()) await tx.category.update({ where: { id: cid }, data: { sortOrder: i + 1 } });
    await withAudit(tx, actor, {
      action: 'reorder',
      entity: 'category',
      entityId: '*',
      before: all.map((c) => c.id),
      after: ids,
    });
  });
  await publishAllOffices();
  return adminListCategories();
}
