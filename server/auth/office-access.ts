/**
 * Whose personal data a staff member may read: the citizens of the offices they work in — the
 * offices of the services in their skills, and the office of the counter they hold — so a clerk
 * of one office does not read the names and phones booked with another. The roles in
 * PERSONAL_DATA_ALL_OFFICES_ROLES (default: supervisors and admins, who run the whole
 * installation's live view and statistics) read every office's.
 *
 * Applies to: today's appointments (names, phones), the supervisor's live view and a counter's
 * screen watched by a supervisor (current tickets with the colleagues' notes).
 */
import { forbidden } from '../errors';
import { rt } from '../runtime';
import type { Actor } from './actor';

/** 'all', or the ids of the offices the actor works in. */
export async function personalDataOffices(actor: Actor): Promise<'all' | Set<string>> {
  const { config, db } = rt();
  if (config.personalDataAllOfficesRoles.includes(actor.role)) return 'all';
  const [skills, counter] = await Promise.all([
    db.skill.findMany({ where: { staffId: actor.staffId }, select: { service: { select: { officeId: true } } } }),
    db.counter.findUnique({ where: { staffId: actor.staffId }, select: { officeId: true } }),
  ]);
  const offices = new Set(skills.map((s) => s.service.officeId));
  if (counter) offices.add(counter.officeId);
  return offices;
}

export async function assertPersonalDataAccess(actor: Actor, officeId: string): Promise<void> {
  const offices = await personalDataOffices(actor);
  if (offices !== 'all' && !offices.has(officeId))
    throw forbidden('You do not work in this office: its citizens’ personal data is not shown to you');
}
