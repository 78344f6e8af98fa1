import type { createStaffInput, updateStaffInput } from '../../contract/admin/staff';
import type { z } from 'zod';
import { withAudit, type Tx } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { hashPassword, requireGoodPassword } from '../auth/password';
import { deleteSessionsOf, loginsEnded, staffLoginsChanged } from '../auth/session';
import { countersChanged } from '../counters/call-cache';
import { conflict, notFound, unprocessable } from '../errors';
import { publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';

/**
 * Administration of the staff and their skills (role admin). Every change is one transaction
 * with its AuditLog row (never a password or its hash); a deactivation, a new role or a new
 * password ends the person's sessions and live screens. The offices of the skills touched get
 * fresh figures (counters' waiting lists follow skills).
 */

const staffSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  createdAt: true,
  skills: { select: { serviceId: true, weight: true }, orderBy: { serviceId: 'asc' } },
} as const;

export async function adminListStaff() {
  return rt().db.staff.findMany({ orderBy: [{ active: 'desc' }, { displayName: 'asc' }], select: staffSelect });
}

async function requireServices(tx: Tx, skills: { serviceId: string }[]) {
  const ids = skills.map((k) => k.serviceId);
  const found = new Set((await tx.service.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((s) => s.id));
  const unknown = ids.filter((i) => !found.has(i));
  if (unknown.length) throw unprocessable('unknown_service', 'Some services do not exist', { serviceIds: unknown });
}

async function publishSkillOffices(serviceIds: string[]) {
  const offices = await rt().db.service.findMany({
    where: { id: { in: serviceIds } },
    select: { officeId: true },
    distinct: ['officeId'],
  });
  for (const o of offices) publishOfficeChanged(o.officeId);
}

export async function adminCreateStaff(actor: Actor, input: z.infer<typeof createStaffInput>) {
  const { password, skills = [], ...data } = input;
  await requireGoodPassword(data.username, password);
  const passwordHash = await hashPassword(password);
  const created = await rt().db.$transaction(async (tx) => {
    if (await tx.staff.findUnique({ where: { username: data.username }, select: { id: true } }))
      throw conflict('username_taken', 'This username is taken');
    await requireServices(tx, skills);
    // A password the admin chose: the person picks their own at first login.
    const s = await tx.staff.create({
      data: { ...data, passwordHash, mustChangePassword: true, skills: { create: skills } },
      select: staffSelect,
    });
    await withAudit(tx, actor, { action: 'create', entity: 'staff', entityId: s.id, after: s });
    return s;
  });
  await publishSkillOffices(skills.map((k) => k.serviceId));
  return created;
}

export async function adminUpdateStaff(actor: Actor, staffId: string, input: z.infer<typeof updateStaffInput>) {
  const { skills, ...data } = input;
  if (staffId === actor.staffId && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw conflict('self_lockout', 'You cannot deactivate yourself or remove your own admin role');
  }
  const { before, after, ended } = await rt().db.$transaction(async (tx) => {
    const before = await tx.staff.findUnique({ where: { id: staffId }, select: staffSelect });
    if (!before) throw notFound('Staff member');
    if (skills) {
      await requireServices(tx, skills);
      await tx.skill.deleteMany({ where: { staffId } });
      if (skills.length) await tx.skill.createMany({ data: skills.map((k) => ({ ...k, staffId })) });
    }
    await tx.staff.update({ where: { id: staffId }, data });
    // A deactivated account or a changed role: the open sessions end now, with the change.
    const endsSessions = (data.active === false && before.active) || (data.role !== undefined && data.role !== before.role);
    const ended = endsSessions ? await deleteSessionsOf(tx, staffId) : [];
    const after = await tx.staff.findUniqueOrThrow({ where: { id: staffId }, select: staffSelect });
    await withAudit(tx, actor, { action: 'update', entity: 'staff', entityId: staffId, before, after });
    return { before, after, ended };
  });
  // Their live screens too, once the change is committed; a new name shows on every process.
  loginsEnded(ended);
  staffLoginsChanged(staffId);
  if (skills) countersChanged({ staffIds: [staffId] }); // the weights their next call follows
  await publishSkillOffices([...new Set([...before.skills, ...after.skills].map((k) => k.serviceId))]);
  return after;
}

/**
 * Sets the password the admin chose (password rules apply); the person must change it at their
 * next login. Nothing is returned and the hash is never logged.
 */
export async function adminResetPassword(actor: Actor, staffId: string, password: string): Promise<void> {
  const target = await rt().db.staff.findUnique({ where: { id: staffId }, select: { username: true } });
  if (!target) throw notFound('Staff member');
  await requireGoodPassword(target.username, password);
  const passwordHash = await hashPassword(password);
  const ended = await rt().db.$transaction(async (tx) => {
    const before = await tx.staff.findUnique({ where: { id: staffId }, select: { id: true, username: true } });
    if (!before) throw notFound('Staff member');
    await tx.staff.update({ where: { id: staffId }, data: { passwordHash, mustChangePassword: true, demoPassword: false } });
    const ended = await deleteSessionsOf(tx, staffId);
    await withAudit(tx, actor, {
      action: 'password_reset',
      entity: 'staff',
      entityId: staffId,
      before: { username: before.username },
      after: { username: before.username, passwordChanged: true },
    });
    return ended;
  });
  loginsEnded(ended);
}
