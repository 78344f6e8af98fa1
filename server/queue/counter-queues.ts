import { Prisma } from '../db/generated/client';
import { sql } from '../db/sql';
import type { CounterQueues } from './engine';
import { skillBoostMs } from './policy';
import { rt } from '../runtime';

type CounterRow = { id: string; officeId: string; staffId: string | null; serviceIds: string[] };

function build(counter: CounterRow & { staffId: string }, weights: Map<string, number>): CounterQueues {
  return {
    officeId: counter.officeId,
    counterId: counter.id,
    staffId: counter.staffId,
    // A service chosen at opening without an explicit skill counts as weight 1.
    services: new Map(counter.serviceIds.map((id) => [id, skillBoostMs(weights.get(`${counter.staffId}:${id}`) ?? 1)])),
  };
}

/**
 * The queues counters call from: the services each was opened with, boosted by its clerk's
 * skill weight. One query for any number of counters (the office feed, the estimate); a counter
 * without a clerk has none. Call next reads the skills with the counter instead
 * (counterQueuesFrom).
 */
export async function counterQueuesMany(counters: CounterRow[]): Promise<Map<string, CounterQueues>> {
  const staffed = counters.filter((c): c is CounterRow & { staffId: string } => c.staffId !== null);
  const out = new Map<string, CounterQueues>();
  if (staffed.length === 0) return out;
  const skills = await sql(rt().db).$queryRaw<{ staffId: string; serviceId: string; weight: number }[]>`
    SELECT "staffId", "serviceId", weight FROM "Skill" WHERE "staffId" IN (${Prisma.join(staffed.map((c) => c.staffId))})`;
  const weights = new Map(skills.map((s) => [`${s.staffId}:${s.serviceId}`, s.weight]));
  for (const c of staffed) out.set(c.id, build(c, weights));
  return out;
}

/** The same from the clerk's skills already read (`[serviceId, weight]`, e.g. with the counter: readCounterForCall). */
export function counterQueuesFrom(counter: CounterRow, skills: readonly [string, number][]): CounterQueues | null {
  if (counter.staffId === null) return null;
  const weights = new Map(skills.map(([serviceId, weight]) => [`${counter.staffId}:${serviceId}`, weight]));
  return build({ ...counter, staffId: counter.staffId }, weights);
}
