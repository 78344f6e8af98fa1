/**
 * Forms' versions: the current one of a service is its highest version; saving adds a version
 * (with an audit row), so procedures submitted before keep the definition they were shown.
 */
import type { z } from 'zod';
import type { FormDefinition, formInput } from '../../contract/forms';
import type { Actor } from '../auth/actor';
import { withAudit } from '../admin/audit';
import { notFound } from '../errors';
import { rt } from '../runtime';
import { storedFields } from './validate';

const EMPTY: FormDefinition = { version: 0, fields: [] };

/** The current form of each service (services without one get an empty version 0). */
export async function currentForms(serviceIds: string[]): Promise<Map<string, FormDefinition & { id: string | null }>> {
  const rows = await rt().db.serviceForm.findMany({
    where: { serviceId: { in: serviceIds } },
    distinct: ['serviceId'],
    orderBy: [{ serviceId: 'asc' }, { version: 'desc' }],
  });
  const out = new Map(serviceIds.map((id) => [id, { ...EMPTY, id: null as string | null }]));
  for (const r of rows) out.set(r.serviceId, { id: r.id, version: r.version, fields: storedFields(r.fields) });
  return out;
}

export async function currentForm(serviceId: string) {
  return (await currentForms([serviceId])).get(serviceId)!;
}

/** The current form of an existing service (404 for an unknown one). */
export async function formOfService(serviceId: string): Promise<FormDefinition> {
  if ((await rt().db.service.count({ where: { id: serviceId } })) === 0) throw notFound('Service');
  const { version, fields } = await currentForm(serviceId);
  return { version, fields };
}

export async function saveForm(actor: Actor, serviceId: string, input: z.infer<typeof formInput>): Promise<FormDefinition> {
  const { db } = rt();
  return db.$transaction(async (tx) => {
    // Serialises two admins saving the same form: versions stay consecutive.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Service" WHERE id = ${serviceId} FOR UPDATE`;
    if (locked.length === 0) throw notFound('Service');
    const last = await tx.serviceForm.findFirst({ where: { serviceId }, orderBy: { version: 'desc' } });
    const version = (last?.version ?? 0) + 1;
    const created = await tx.serviceForm.create({ data: { serviceId, version, fields: input.fields } });
    await withAudit(tx, actor, {
      action: 'update',
      entity: 'service_form',
      entityId: serviceId,
      before: last ? { version: last.version, fields: last.fields } : undefined,
      after: { version, fields: input.fields },
    });
    return { version: created.version, fields: storedFields(created.fields) };
  });
}
