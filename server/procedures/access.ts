/**
 * Who may see and work a procedure. A citizen: only their own (anything else is "not found", so
 * codes and ids cannot be probed). Staff: routed by skills like the desk — a clerk the procedures
 * of the services they are skilled for; supervisors and admins those of the offices whose personal
 * data they may read (auth/office-access.ts).
 */
import { isSupervisor, type Actor } from '../auth/actor';
import { personalDataOffices } from '../auth/office-access';
import type { Prisma } from '../db/generated/client';
import { forbidden, notFound } from '../errors';
import { rt } from '../runtime';

/** What a staff member may work: every office, some offices, or the services of their skills. */
export type StaffReach = { all: true } | { officeIds: string[] } | { serviceIds: string[] };

export async function staffReach(actor: Actor): Promise<StaffReach> {
  if (isSupervisor(actor)) {
    const offices = await personalDataOffices(actor);
    return offices === 'all' ? { all: true } : { officeIds: [...offices] };
  }
  const skills = await rt().db.skill.findMany({ where: { staffId: actor.staffId }, select: { serviceId: true } });
  return { serviceIds: skills.map((s) => s.serviceId) };
}

/** The procedures a staff member may see, as a Prisma filter. */
export async function staffScope(actor: Actor): Promise<Prisma.ProcedureWhereInput> {
  const reach = await staffReach(actor);
  if ('officeIds' in reach) return { officeId: { in: reach.officeIds } };
  if ('serviceIds' in reach) return { serviceId: { in: reach.serviceIds } };
  return {};
}

/** The services a staff member may open procedures for, as a Prisma filter. */
export async function staffServiceScope(actor: Actor): Promise<Prisma.ServiceWhereInput> {
  const reach = await staffReach(actor);
  if ('officeIds' in reach) return { officeId: { in: reach.officeIds } };
  if ('serviceIds' in reach) return { id: { in: reach.serviceIds } };
  return {};
}

export async function assertStaffSees(actor: Actor, procedureId: string): Promise<void> {
  const seen = await rt().db.procedure.count({ where: { AND: [{ id: procedureId }, await staffScope(actor)] } });
  if (seen === 0) throw notFound('Procedure');
}

export const procedureNotFound = () => notFound('Procedure');

/** The back office of an office: supervisors with access to it, clerks skilled for one of its services. */
export async function assertWorksProceduresOf(actor: Actor, officeId: string): Promise<void> {
  const reach = await staffReach(actor);
  const ok =
    'all' in reach ||
    ('officeIds' in reach && reach.officeIds.includes(officeId)) ||
    ('serviceIds' in reach && (await rt().db.service.count({ where: { id: { in: reach.serviceIds }, officeId } })) > 0);
  if (!ok) throw forbidden('You do not work procedures of this office');
}
