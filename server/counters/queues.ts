import type { CounterQueues } from '../queue/engine';
import { skillBoostMs } from '../queue/policy';
import { rt } from '../runtime';

/**
 * The queues a counter calls from: the services it was opened with, each boosted by the clerk's
 * skill weight. A counter without a clerk, or closed, calls from nothing.
 */
export async function counterQueues(counter: { id: string; officeId: string; staffId: string | null; serviceIds: string[] }): Promise<CounterQueues | null> {
  if (!counter.staffId) return null;
  const skills = await rt().db.skill.findMany({
    where: { staffId: counter.staffId, serviceId: { in: counter.serviceIds } },
    select: { serviceId: true, weight: true },
  });
  const weights = new Map(skills.map((s) => [s.serviceId, s.weight]));
  return {
    officeId: counter.officeId,
    counterId: counter.id,
    staffId: counter.staffId,
    // A service chosen at opening without an explicit skill (an admin opening for anything) counts as weight 1.
    services: new Map(counter.serviceIds.map((id) => [id, skillBoostMs(weights.get(id) ?? 1)])),
  };
}
