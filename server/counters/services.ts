import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import { ensureBuilt } from '../queue/engine';
import type { CounterSnapshot } from '../../contract/counters';
import { snapshotAfterChange } from './operations';
import { changeCounter } from './state';

/**
 * A supervisor changes what an open (or paused) counter serves, e.g. to send a clerk to a queue
 * that is growing. Any active desk service of the counter's office may be chosen, not only the
 * clerk's skills: the supervisor decides; a service without a skill counts with weight 1 in
 * "call next". The clerk's current ticket is not touched; the next call follows the new list.
 */
export async function changeCounterServices(actor: Actor, counterId: string, serviceIds: string[]): Promise<CounterSnapshot> {
  const unique = [...new Set(serviceIds)];
  const officeId = await changeCounter(actor, counterId, 'services', async (tx, counter) => {
    const allowed = await tx.service.findMany({
      where: { id: { in: unique }, officeId: counter.officeId, active: true, mode: 'desk' },
      select: { id: true },
    });
    const ok = new Set(allowed.map((s) => s.id));
    const foreign = unique.filter((id) => !ok.has(id));
    if (foreign.length > 0)
      throw new AppError(422, 'service_not_allowed', 'Some services are not active desk services of this office', {
        serviceIds: foreign,
      });
    await tx.counter.update({ where: { id: counterId }, data: { serviceIds: unique } });
    await withAudit(tx, actor, {
      action: 'services_change',
      entity: 'counter',
      entityId: counterId,
      before: { name: counter.name, staffId: counter.staffId, serviceIds: counter.serviceIds },
      after: { name: counter.name, staffId: counter.staffId, serviceIds: unique },
    });
    return counter.officeId;
  });
  await ensureBuilt(officeId);
  return snapshotAfterChange(counterId, officeId);
}
