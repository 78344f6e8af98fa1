import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { AppError, conflict, notFound } from '../errors';
import { ensureBuilt } from '../queue/engine';
import { publishCounter, publishOfficeChanged } from '../realtime/publish';
import type { CounterSnapshot } from '../realtime/contract';
import { rt } from '../runtime';
import { counterSnapshot } from './snapshot';

/**
 * A supervisor changes what an open (or paused) counter serves, e.g. to send a clerk to a queue
 * that is growing. Any active desk service of the counter's office may be chosen, not only the
 * clerk's skills: the supervisor decides; a service without a skill counts with weight 1 in
 * "call next". The clerk's current ticket is not touched; the next call follows the new list.
 */
export async function changeCounterServices(actor: Actor, counterId: string, serviceIds: string[]): Promise<CounterSnapshot> {
  const { db } = rt();
  const counter = await db.counter.findUnique({ where: { id: counterId } });
  if (!counter) throw notFound('Counter');
  if (counter.state === 'closed' || !counter.staffId) throw conflict('counter_not_open', `${counter.name} is closed`);

  const unique = [...new Set(serviceIds)];
  const allowed = await db.service.findMany({
    where: { id: { in: unique }, officeId: counter.officeId, active: true, mode: 'desk' },
    select: { id: true },
  });
  const ok = new Set(allowed.map((s) => s.id));
  const foreign = unique.filter((id) => !ok.has(id));
  if (foreign.length > 0)
    throw new AppError(422, 'service_not_allowed', 'Some services are not active desk services of this office', {
      serviceIds: foreign,
    });

  // Conditional: if the clerk closed the counter (or another clerk took it) meanwhile, nothing changes.
  await db.$transaction(async (tx) => {
    const res = await tx.counter.updateMany({
      where: { id: counterId, staffId: counter.staffId, state: { not: 'closed' } },
      data: { serviceIds: unique },
    });
    if (res.count === 0) throw conflict('counter_changed', `${counter.name} changed meanwhile, reload`);
    await withAudit(tx, actor, {
      action: 'services_change',
      entity: 'counter',
      entityId: counterId,
      before: { name: counter.name, staffId: counter.staffId, serviceIds: counter.serviceIds },
      after: { name: counter.name, staffId: counter.staffId, serviceIds: unique },
    });
  });

  await ensureBuilt(counter.officeId);
  void publishCounter(counterId);
  publishOfficeChanged(counter.officeId);
  return (await counterSnapshot(counterId)) as CounterSnapshot;
}
