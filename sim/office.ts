import type { Actor } from '../server/auth/actor';
import type { Db } from '../server/db/client';
import { skillBoostMs } from '../server/queue/policy';
import { COUNTERS_NEEDED, SERVICE_WEIGHTS, weekdayPlan } from './scenario';

/** The demo one-stop desk made ready for simulated days: enough desks and clerks, opening hours. */
export interface SimOffice {
  officeId: string;
  timeZone: string;
  /** The desk services citizens come for (those of SERVICE_WEIGHTS), by code. */
  services: Map<string, { id: string; code: string; prefix: string; expectedMinutes: number }>;
  /** By counter number: the counter and the clerk who always sits there, with their head starts. */
  counters: Map<number, { id: string; actor: Actor; boosts: Map<string, number> }>;
}

/** Category weights of the extra clerks, like the demo's six: each leans toward two areas. */
const EXTRA_CLERK_WEIGHTS: Record<string, number>[] = [
  { anagrafe: 3, tributi: 2 },
  { 'stato-civile': 2, anagrafe: 2 },
  { tributi: 3, scuola: 2 },
  { protocollo: 3, polizia: 2 },
];

export async function prepareOffice(db: Db): Promise<SimOffice> {
  const office = await db.office.findUniqueOrThrow({ where: { slug: 'sportello-unico' } });
  // In a fixed order: the service mix is drawn from this list, and rows come back in whatever
  // order the table happens to hold them (a seed change elsewhere would change the simulated day).
  const desk = await db.service.findMany({
    where: { officeId: office.id, mode: 'desk', active: true },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, prefix: true, expectedMinutes: true, category: { select: { slug: true } } },
  });
  // Only the services of the scenario's mix: a desk service added to the demo catalogue would
  // otherwise shift every draw of the day (on 2 December a new certificate did, and the seed's
  // day changed — figures that looked like a worse estimate were another day).
  const services = desk.filter((s) => s.code in SERVICE_WEIGHTS);
  const missing = Object.keys(SERVICE_WEIGHTS).filter((code) => !services.some((s) => s.code === code));
  if (missing.length > 0) throw new Error(`The simulated mix names services the demo office lacks: ${missing.join(', ')}`);
  // Weekly opening hours of the simulated desk (walk-in tickets only inside them).
  await db.officeHours.deleteMany({ where: { officeId: office.id } });
  await db.officeHours.createMany({
    data: [1, 2, 3, 4, 5].flatMap((weekday) =>
      weekdayPlan(weekday).sessions.map((s) => ({ officeId: office.id, weekday, opens: s.opens, closes: s.closes })),
    ),
  });
  // Some hours have no history at all for the demo's patron day: the simulation stays away from it.
  await db.patronDay.deleteMany({ where: { officeId: office.id } });

  const existing = await db.counter.findMany({ where: { officeId: office.id } });
  const template = await db.staff.findUniqueOrThrow({ where: { username: 'operatore1' } });
  const counters: SimOffice['counters'] = new Map();
  for (let n = 1; n <= COUNTERS_NEEDED; n++) {
    const counter =
      existing.find((c) => c.number === n) ??
      (await db.counter.create({ data: { officeId: office.id, number: n, name: `Sportello ${n}` } }));
    const username = `operatore${n}`;
    let staff = await db.staff.findUnique({ where: { username } });
    if (!staff) {
      const weights = EXTRA_CLERK_WEIGHTS[(n - 7) % EXTRA_CLERK_WEIGHTS.length]!;
      staff = await db.staff.create({
        data: {
          username,
          displayName: `Operatore ${n}`,
          role: 'operator',
          passwordHash: template.passwordHash,
          skills: { create: services.map((s) => ({ serviceId: s.id, weight: weights[s.category.slug] ?? 1 })) },
        },
      });
    }
    const skills = await db.skill.findMany({ where: { staffId: staff.id }, select: { serviceId: true, weight: true } });
    const desk = new Set(services.map((s) => s.id));
    counters.set(n, {
      id: counter.id,
      actor: { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role },
      boosts: new Map(skills.filter((s) => desk.has(s.serviceId)).map((s) => [s.serviceId, skillBoostMs(s.weight)])),
    });
  }
  return {
    officeId: office.id,
    timeZone: office.timeZone,
    services: new Map(
      services.map((s) => [s.code, { id: s.id, code: s.code, prefix: s.prefix, expectedMinutes: s.expectedMinutes }]),
    ),
    counters,
  };
}
