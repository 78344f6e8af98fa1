import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { hashPassword, requireGoodPassword } from '../auth/password';
import { deleteSessionsOf } from '../auth/session';
import { AppError, conflict, notFound } from '../errors';
import { publishCatalogChanged, publishDisplayChanged, publishOfficeChanged } from '../realtime/publish';
import { endLiveSessions } from '../realtime/sessions';
import { rt } from '../runtime';
import { withAudit, type Tx } from './audit';

/**
 * Administration of the catalogue and the staff (role admin). Every change is one transaction
 * that also writes its AuditLog row; afterwards the office's screens get fresh figures
 * (publishOfficeChanged), and display screens reload their configuration after a service change
 * (publishDisplayChanged) and kiosks their catalogue after a service or category change
 * (publishCatalogChanged).
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);

function unprocessable(code: string, message: string, details?: unknown) {
  return new AppError(422, code, message, details);
}

async function requireOffice(tx: Tx, officeId: string) {
  if (!(await tx.office.findUnique({ where: { id: officeId }, select: { id: true } })))
    throw unprocessable('unknown_office', 'This office does not exist');
}
async function requireCategory(tx: Tx, categoryId: string) {
  if (!(await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } })))
    throw unprocessable('unknown_category', 'This category does not exist');
}

// ------------------------------------------------------------------------------------ services

const serviceFields = {
  nameIt: text(200),
  nameEn: text(200),
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'One or two uppercase letters'),
  categoryId: id,
  mode: z.enum(['desk', 'appointment']),
  officeId: id,
  expectedMinutes: z.number().int().min(1).max(480),
  targetWaitMinutes: z.number().int().min(1).max(480),
  active: z.boolean(),
  keywords: z.string().trim().max(1000),
  sortOrder: z.number().int().min(0).max(10_000),
};
export const createServiceInput = z
  .object({ code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,59}$/, 'Lowercase letters, digits, - and _'), ...serviceFields })
  .partial({ mode: true, expectedMinutes: true, targetWaitMinutes: true, active: true, keywords: true, sortOrder: true })
  .strict();
export const updateServiceInput = z.object(serviceFields).partial().strict();
export const adminServicesQuery = z.object({
  officeId: id.optional(),
  categoryId: id.optional(),
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export async function adminListServices(q: z.infer<typeof adminServicesQuery>) {
  const term = q.q?.trim();
  return rt().db.service.findMany({
    where: {
      officeId: q.officeId,
      categoryId: q.categoryId,
      ...(q.active ? { active: q.active === 'true' } : {}),
      ...(term
        ? {
            OR: [
              { nameIt: { contains: term, mode: 'insensitive' } },
              { nameEn: { contains: term, mode: 'insensitive' } },
              { code: { contains: term, mode: 'insensitive' } },
              { keywords: { contains: term, mode: 'insensitive' } },
            ],
          }
        : {}),
    },
    orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { nameIt: 'asc' }],
  });
}

export async function adminCreateService(actor: Actor, input: z.infer<typeof createServiceInput>) {
  const service = await rt().db.$transaction(async (tx) => {
    await requireOffice(tx, input.officeId);
    await requireCategory(tx, input.categoryId);
    if (await tx.service.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw conflict('code_taken', 'Another service has this code');
    const created = await tx.service.create({ data: input });
    await withAudit(tx, actor, { action: 'create', entity: 'service', entityId: created.id, after: created });
    return created;
  });
  publishOfficeChanged(service.officeId);
  // A display showing the service's category picks the new service up.
  publishDisplayChanged(service.officeId);
  publishCatalogChanged();
  return service;
}

export async function adminUpdateService(actor: Actor, serviceId: string, input: z.infer<typeof updateServiceInput>) {
  const { before, after } = await rt().db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({ where: { id: serviceId } });
    if (!before) throw notFound('Service');
    if (input.officeId && input.officeId !== before.officeId) await requireOffice(tx, input.officeId);
    if (input.categoryId && input.categoryId !== before.categoryId) await requireCategory(tx, input.categoryId);
    const leaving =
      (input.active === false && before.active) || (input.officeId !== undefined && input.officeId !== before.officeId);
    if (leaving) {
      const waiting = await tx.ticket.count({ where: { serviceId, status: { in: ['waiting', 'called', 'serving'] } } });
      if (waiting > 0)
        throw conflict('service_in_use', `${waiting} tickets of this service are still open: move or serve them first`);
    }
    const after = await tx.service.update({ where: { id: serviceId }, data: input });
    await withAudit(tx, actor, { action: 'update', entity: 'service', entityId: serviceId, before, after });
    return { before, after };
  });
  publishOfficeChanged(after.officeId);
  if (before.officeId !== after.officeId) publishOfficeChanged(before.officeId);
  // Displays redraw their calls with the new name and re-resolve their services (category, office, state).
  publishDisplayChanged(after.officeId);
  if (before.officeId !== after.officeId) publishDisplayChanged(before.officeId);
  publishCatalogChanged();
  return after;
}

// ---------------------------------------------------------------------------------- categories

const categoryFields = { nameIt: text(120), nameEn: text(120), icon: z.string().trim().max(16) };
export const createCategoryInput = z
  .object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Lowercase letters, digits and -'), ...categoryFields })
  .partial({ icon: true })
  .strict();
export const updateCategoryInput = z.object(categoryFields).partial().strict();
export const reorderCategoriesInput = z.object({ ids: z.array(id).min(1).max(500) }).strict();

export async function adminListCategories() {
  const rows = await rt().db.category.findMany({
    orderBy: [{ sortOrder: 'asc' }, { nameIt: 'asc' }],
    include: { _count: { select: { services: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, services: _count.services }));
}

/** Category names and order are shown by every office's screens and by the kiosks. */
async function publishAllOffices() {
  for (const o of await rt().db.office.findMany({ select: { id: true } })) publishOfficeChanged(o.id);
  publishCatalogChanged();
}

export async function adminCreateCategory(actor: Actor, input: z.infer<typeof createCategoryInput>) {
  const category = await rt().db.$transaction(async (tx) => {
    if (await tx.category.findUnique({ where: { slug: input.slug }, select: { id: true } }))
      throw conflict('slug_taken', 'Another category has this slug');
    const last = await tx.category.aggregate({ _max: { sortOrder: true } });
    const created = await tx.category.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
    await withAudit(tx, actor, { action: 'create', entity: 'category', entityId: created.id, after: created });
    return created;
  });
  publishCatalogChanged();
  return category;
}

export async function adminUpdateCategory(actor: Actor, categoryId: string, input: z.infer<typeof updateCategoryInput>) {
  const after = await rt().db.$transaction(async (tx) => {
    const before = await tx.category.findUnique({ where: { id: categoryId } });
    if (!before) throw notFound('Category');
    const after = await tx.category.update({ where: { id: categoryId }, data: input });
    await withAudit(tx, actor, { action: 'update', entity: 'category', entityId: categoryId, before, after });
    return after;
  });
  await publishAllOffices();
  return after;
}

/** The kiosk order: `ids` lists every category once, first shown first. */
export async function adminReorderCategories(actor: Actor, ids: string[]) {
  await rt().db.$transaction(async (tx) => {
    const all = await tx.category.findMany({
      orderBy: [{ sortOrder: 'asc' }, { nameIt: 'asc' }],
      select: { id: true, sortOrder: true },
    });
    const known = new Set(all.map((c) => c.id));
    if (new Set(ids).size !== ids.length || ids.length !== all.length || ids.some((i) => !known.has(i))) {
      throw unprocessable('order_incomplete', 'List every category exactly once');
    }
    for (const [i, cid] of ids.entries()) await tx.category.update({ where: { id: cid }, data: { sortOrder: i + 1 } });
    await withAudit(tx, actor, {
      action: 'reorder',
      entity: 'category',
      entityId: '*',
      before: all.map((c) => c.id),
      after: ids,
    });
  });
  await publishAllOffices();
  return adminListCategories();
}

// ------------------------------------------------------------------------------------ counters

const counterFields = { number: z.number().int().min(1).max(999), name: text(60) };
export const createCounterInput = z.object({ officeId: id, ...counterFields }).strict();
export const updateCounterInput = z.object(counterFields).partial().strict();

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
  publishOfficeChanged(after.officeId);
  return after;
}

/** Only a closed counter without a current ticket and without ticket history can be deleted. */
export async function adminDeleteCounter(actor: Actor, counterId: string) {
  const before = await rt().db.$transaction(async (tx) => {
    // Locks the row: a clerk cannot open it or call a ticket to it meanwhile.
    await tx.$queryRaw`SELECT id FROM "Counter" WHERE id = ${counterId} FOR UPDATE`;
    const before = await tx.counter.findUnique({ where: { id: counterId } });
    if (!before) throw notFound('Counter');
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
  publishOfficeChanged(before.officeId);
}

// --------------------------------------------------------------------------------------- staff

const skillsInput = z
  .array(z.object({ serviceId: id, weight: z.number().int().min(1).max(5) }).strict())
  .max(500)
  .refine((s) => new Set(s.map((k) => k.serviceId)).size === s.length, 'A service is listed twice');
const staffFields = {
  displayName: text(120),
  role: z.enum(['operator', 'supervisor', 'admin']),
  active: z.boolean(),
  skills: skillsInput,
};
export const createStaffInput = z
  .object({
    username: z.string().regex(/^[a-z0-9._-]{3,32}$/, '3–32 lowercase letters, digits, . _ -'),
    password: z.string().min(8).max(200),
    ...staffFields,
  })
  .partial({ role: true, active: true, skills: true })
  .strict();
export const updateStaffInput = z.object(staffFields).partial().strict();
export const passwordInput = z.object({ password: z.string().min(8).max(200) }).strict();

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
  // Their live screens too, once the change is committed.
  endLiveSessions(ended);
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
  endLiveSessions(ended);
}
