import type { adminServicesQuery, createServiceInput, updateServiceInput } from '../../contract/admin/catalog';
import type { z } from 'zod';
import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { requireCategory } from '../categories/admin';
import { conflict, notFound } from '../errors';
import { requireOffice } from '../offices/admin';
import { publishCatalogChanged, publishDisplayChanged, publishOfficeChanged } from '../realtime/publish';
import { textIncludes } from '../../contract/lang';
import { textOf } from '../db/texts';
import { rt } from '../runtime';

/**
 * Administration of the services (role admin). Every change is one transaction with its AuditLog
 * row; afterwards the office's screens get fresh figures, its displays re-resolve the services
 * they show, and the kiosks reload their catalogue.
 */

export async function adminListServices(q: z.infer<typeof adminServicesQuery>) {
  const term = q.q?.trim().toLowerCase();
  const rows = await rt().db.service.findMany({
    where: {
      officeId: q.officeId,
      categoryId: q.categoryId,
      ...(q.active ? { active: q.active === 'true' } : {}),
    },
    orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }],
  });
  // A name matches in any of its languages; an office has a few hundred services at most, so the
  // search runs here rather than in SQL over the JSON column.
  return rows
    .map((s) => ({ ...s, name: textOf(s.name) }))
    .filter(
      (s) =>
        !term || textIncludes(s.name, term) || s.code.toLowerCase().includes(term) || s.keywords.toLowerCase().includes(term),
    );
}

export async function adminCreateService(actor: Actor, input: z.infer<typeof createServiceInput>) {
  const service = await rt().db.$transaction(async (tx) => {
    await requireOffice(tx, input.officeId);
    await requireCategory(tx, input.categoryId);
    if (await tx.service.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw conflict('code_taken', 'Another service has this code');
    const created = await tx.service.create({ data: input });
    await withAudit(tx, actor, { action: 'create', entity: 'service', entityId: created.id, after: created });
    return created;
  });
  publishOfficeChanged(service.officeId);
  // A display showing the service's category picks the new service up.
  publishDisplayChanged(service.officeId);
  publishCatalogChanged();
  return service;
}

export async function adminUpdateService(actor: Actor, serviceId: string, input: z.infer<typeof updateServiceInput>) {
  const { before, after } = await rt().db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({ where: { id: serviceId } });
    if (!before) throw notFound('Service');
    if (input.officeId && input.officeId !== before.officeId) await requireOffice(tx, input.officeId);
    if (input.categoryId && input.categoryId !== before.categoryId) await requireCategory(tx, input.categoryId);
    const leaving =
      (input.active === false && before.active) || (input.officeId !== undefined && input.officeId !== before.officeId);
    if (leaving) {
      const waiting = await tx.ticket.count({ where: { serviceId, status: { in: ['waiting', 'called', 'serving'] } } });
      if (waiting > 0)
        throw conflict('service_in_use', `${waiting} tickets of this service are still open: move or serve them first`);
    }
    const after = await tx.service.update({ where: { id: serviceId }, data: input });
    await withAudit(tx, actor, { action: 'update', entity: 'service', entityId: serviceId, before, after });
    return { before, after };
  });
  publishOfficeChanged(after.officeId);
  if (before.officeId !== after.officeId) publishOfficeChanged(before.officeId);
  // Displays redraw their calls with the new name and re-resolve their services (category, office, state).
  publishDisplayChanged(after.officeId);
  if (before.officeId !== after.officeId) publishDisplayChanged(before.officeId);
  publishCatalogChanged();
  return after;
}
