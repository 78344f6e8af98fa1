/**
 * Who may see and work a procedure. A citizen: only their own (anything else is "not found", so
 * codes and ids cannot be probed). Staff: routed by skills like the desk — a clerk the procedures
 * of the services they are skilled for; supervisors and admins those of the offices whose personal
 * data they may read (auth/office-access.ts).
 */
import { isSupervisor, type Actor } from '../auth/actor';
import { personalDataOffices } from '../auth/office-access';
import type { Prisma } from '../db/generated/client';
import { notFound } from '../errors';
import { rt } from '../runtime';

/** The procedures a staff member may see, as a Prisma filter. */
export async function staffScope(actor: Actor): Promise<Prisma.ProcedureWhereInput> {
  if (isSupervisor(actor)) {
    const offices = await personalDataOffices(actor);
    return offices === 'all' ? {} : { officeId: { in: [...offices] } };
  }
  const skills = await rt().db.skill.findMany({ where: { staffId: actor.staffId }, select: { serviceId: true } });
  return { serviceId: { in: skills.map((s) => s.serviceId) } };
}

export async function assertStaffSees(actor: Actor, procedureId: string): Promise<void> {
  const seen = await rt().db.procedure.count({ where: { AND: [{ id: procedureId }, await staffScope(actor)] } });
  if (seen === 0) throw notFound('Procedure');
}

export const procedureNotFound = () => notFound('Procedure');
