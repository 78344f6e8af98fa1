import type { createCounterInput, updateCounterInput } from '../../contract/admin/counters';
import type { z } from 'zod';
import { withAudit, type Tx } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { conflict, notFound } from '../errors';
import { requireOffice } from '../offices/admin';
import { publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { countersChanged } from './call-cache';
import { lockCounter } from './state';

/**
 * Administration of the counters (role admin): number and name. Every change is one transaction
 * with its AuditLog row; afterwards the office's screens get fresh figures. Opening, closing and
 * what a counter serves are the clerks' and supervisors' (counters/operations.ts).
 */

export async function adminListCounters(officeId?: string) {
  return rt().db.counter.findMany({
    where: { officeId },
    orderBy: [{ officeId: 'asc' }, { number: 'asc' }],
    select: { id: true, officeId: true, number: true, name: true, state: true, staffId: true },
  });
}

async function numberFree(tx: Tx, officeId: string, number: number, except?: string) {
  const other = await tx.counter.findUnique({ where: { officeId_number: { officeId, number } }, select: { id: true } });
  if (other && other.id !== except) throw conflict('number_taken', `Counter ${number} already exists in this office`);
}

export async function adminCreateCounter(actor: Actor, input: z.infer<typeof createCounterInput>) {
  const created = await rt().db.$transaction(async (tx) => {
    await requireOffice(tx, input.officeId);
    await numberFree(tx, input.officeId, input.number);
    const created = await tx.counter.create({ data: input });
    await withAudit(tx, actor, { action: 'create', entity: 'counter', entityId: created.id, after: created });
    return created;
  });
  publishOfficeChanged(created.officeId);
  return created;
}

export async function adminUpdateCounter(actor: Actor, counterId: string, input: z.infer<typeof updateCounterInput>) {
  const after = await rt().db.$transaction(async (tx) => {
    const before = await tx.counter.findUnique({ where: { id: counterId } });
    if (!before) throw notFound('Counter');
    if (input.number !== undefined) await numberFree(tx, before.officeId, input.number, counterId);
    const after = await tx.counter.update({ where: { id: counterId }, data: input });
    await withAudit(tx, actor, { action: 'update', entity: 'counter', entityId: counterId, before, after });
    return after;
  });
  countersChanged({ counterIds: [counterId] }); // its name and number, on the displays' next call
  publishOfficeChanged(after.officeId);
  return after;
}

/** Only a closed counter without a current ticket and without ticket history can be deleted. */
export async function adminDeleteCounter(actor: Actor, counterId: string) {
  const before = await rt().db.$transaction(async (tx) => {
    // Under the counter's lock: a clerk cannot open it or call a ticket to it meanwhile.
    const before = await lockCounter(tx, counterId);
    const current = await tx.ticket.count({ where: { counterId, status: { in: ['called', 'serving'] } } });
    if (current > 0) throw conflict('counter_busy', `${before.name} has a ticket in progress`);
    if (before.state !== 'closed' || before.staffId) throw conflict('counter_open', `${before.name} is open: close it first`);
    if ((await tx.ticket.count({ where: { OR: [{ counterId }, { targetCounterId: counterId }] } })) > 0) {
      throw conflict('counter_has_history', `${before.name} has served tickets: its history is kept, rename it instead`);
    }
    await tx.counter.delete({ where: { id: counterId } });
    await withAudit(tx, actor, { action: 'delete', entity: 'counter', entityId: counterId, before });
    return before;
  });
  countersChanged({ counterIds: [counterId] });
  publishOfficeChanged(before.officeId);
}
