import { z } from 'zod';
import { minutesOf } from '../../contract/calendar';
import { isDayOfMonth } from '../../contract/primitives';
import { closureInput, patronDayInput, scheduleInput, type ScheduleInput, type SchedulesAnswer } from '../../contract/schedules';
import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../errors';
import { publishCatalogChanged, publishDisplayChanged } from '../realtime/publish';
import type { LocalizedText } from '../../contract/lang';
import { nullableText, textOf, textOrNull } from '../db/texts';
import { rt } from '../runtime';
import type { ClosureRules, ScheduleRule } from './slots';

/**
 * Schedules, closures and patron days in the database, changed from the admin screen
 * /admin/config/offices. Every input goes through zod; a bad one changes nothing. Every change is
 * one transaction with its AuditLog row. Slots are computed from these rows at each request
 * (scheduleContext), so a change shows at /book and at the kiosk on their next load.
 */

/** The audit picture of a schedule: its settings and weekly hours, without row ids. */
function scheduleRecord(s: {
  id: string;
  officeId: string;
  serviceId: string;
  slotMinutes: number;
  capacity: number;
  horizonDays: number;
  minNoticeMinutes: number;
  active: boolean;
  hours: { weekday: number; opens: string; closes: string }[];
}) {
  const { id, officeId, serviceId, slotMinutes, capacity, horizonDays, minNoticeMinutes, active } = s;
  const hours = [...s.hours]
    .sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens))
    .map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes }));
  return { id, officeId, serviceId, slotMinutes, capacity, horizonDays, minNoticeMinutes, active, hours };
}

/** Creates or replaces the schedule of a service at an office (its weekly hours are replaced whole). */
export async function upsertSchedule(actor: Actor, raw: ScheduleInput) {
  const input = scheduleInput.parse(raw);
  const { db } = rt();
  const service = await db.service.findUnique({ where: { id: input.serviceId } });
  if (!service) throw notFound('Service');
  const office = await db.office.findUnique({ where: { id: input.officeId } });
  if (!office) throw notFound('Office');
  const { hours, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.schedule.findUnique({
      where: { officeId_serviceId: { officeId: input.officeId, serviceId: input.serviceId } },
      include: { hours: true },
    });
    const s = await tx.schedule.upsert({
      where: { officeId_serviceId: { officeId: input.officeId, serviceId: input.serviceId } },
      create: fields,
      update: fields,
    });
    await tx.scheduleHours.deleteMany({ where: { scheduleId: s.id } });
    await tx.scheduleHours.createMany({ data: hours.map((h) => ({ scheduleId: s.id, ...h })) });
    const after = await tx.schedule.findUniqueOrThrow({ where: { id: s.id }, include: { hours: true } });
    await withAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'schedule',
      entityId: s.id,
      before: before ? scheduleRecord(before) : undefined,
      after: scheduleRecord(after),
    });
    return after;
  });
}

export async function addClosure(actor: Actor, raw: z.input<typeof closureInput>) {
  const input = closureInput.parse(raw);
  const { db } = rt();
  if (!(await db.office.findUnique({ where: { id: input.officeId } }))) throw notFound('Office');
  const created = await db.$transaction(async (tx) => {
    const created = await tx.closure.create({ data: { ...input, reason: nullableText(input.reason) } });
    await withAudit(tx, actor, { action: 'create', entity: 'closure', entityId: created.id, after: created });
    return created;
  });
  closedDaysChanged(input.officeId);
  return created;
}

/**
 * Closed days also close the office for walk-ins (server/offices/opening.ts): open kiosks and
 * displays look again at once instead of at their next periodic check.
 */
function closedDaysChanged(officeId: string): void {
  publishCatalogChanged();
  publishDisplayChanged(officeId);
}

export async function removeClosure(actor: Actor, id: string) {
  const before = await rt().db.$transaction(async (tx) => {
    const before = await tx.closure.findUnique({ where: { id } });
    if (!before) throw notFound('Closure');
    const res = await tx.closure.deleteMany({ where: { id } });
    // Deleted meanwhile by another admin: nothing was changed here.
    if (res.count === 0) throw notFound('Closure');
    await withAudit(tx, actor, { action: 'delete', entity: 'closure', entityId: id, before });
    return before;
  });
  closedDaysChanged(before.officeId);
}

/** Sets (or with null removes) the patron saint's day of an office. */
export async function setPatronDay(actor: Actor, officeId: string, raw: Omit<z.input<typeof patronDayInput>, 'officeId'> | null) {
  const { db } = rt();
  if (!(await db.office.findUnique({ where: { id: officeId } }))) throw notFound('Office');
  const input = raw === null ? null : patronDayInput.parse({ ...raw, officeId });
  if (input) {
    // 30 February is not a day; 29 February is (leap years only, like the saint's feast itself).
    if (!isDayOfMonth(input.month, input.day))
      throw new AppError(422, 'invalid_day', 'That day does not exist', [
        { path: 'patronDay.day', message: 'That day does not exist' },
      ]);
  }
  const result = await db.$transaction(async (tx) => {
    const before = await tx.patronDay.findUnique({ where: { officeId } });
    if (!input) {
      if (!before) return null;
      await tx.patronDay.delete({ where: { officeId } });
      await withAudit(tx, actor, { action: 'delete', entity: 'patron_day', entityId: officeId, before });
      return null;
    }
    const row = { ...input, name: nullableText(input.name) };
    const after = await tx.patronDay.upsert({ where: { officeId }, create: row, update: row });
    await withAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'patron_day',
      entityId: officeId,
      before: before ?? undefined,
      after,
    });
    return after;
  });
  closedDaysChanged(officeId);
  return result;
}

export interface ScheduleContext {
  scheduleId: string;
  office: { id: string; name: LocalizedText; address: string; timeZone: string };
  service: {
    id: string;
    code: string;
    name: LocalizedText;
    prefix: string;
    mode: 'desk' | 'appointment';
    active: boolean;
  };
  rule: ScheduleRule;
  closures: ClosureRules;
}

/** Everything slot generation needs for one office and service; null when it takes no bookings. */
export async function scheduleContext(officeId: string, serviceId: string): Promise<ScheduleContext | null> {
  const { db } = rt();
  const s = await db.schedule.findUnique({
    where: { officeId_serviceId: { officeId, serviceId } },
    include: {
      hours: true,
      office: { include: { closures: true, patronDay: true } },
      service: true,
    },
  });
  if (!s || !s.active || !s.service.active) return null;
  const o = s.office;
  return {
    scheduleId: s.id,
    office: { id: o.id, name: textOf(o.name), address: o.address, timeZone: o.timeZone },
    service: {
      id: s.service.id,
      code: s.service.code,
      name: textOf(s.service.name),
      prefix: s.service.prefix,
      mode: s.service.mode,
      active: s.service.active,
    },
    rule: {
      timeZone: o.timeZone,
      slotMinutes: s.slotMinutes,
      capacity: s.capacity,
      horizonDays: s.horizonDays,
      minNoticeMinutes: s.minNoticeMinutes,
      hours: s.hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    },
    closures: {
      closures: o.closures.map((c) => ({ fromDay: c.fromDay, toDay: c.toDay, reason: textOrNull(c.reason) })),
      patron: o.patronDay ? { month: o.patronDay.month, day: o.patronDay.day, name: textOrNull(o.patronDay.name) } : null,
    },
  };
}

/** For the admin screens: schedules with their hours, and each office's closures and patron day. */
export async function listSchedules(officeId?: string): Promise<SchedulesAnswer> {
  const { db } = rt();
  const [schedules, offices] = await Promise.all([
    db.schedule.findMany({
      where: officeId ? { officeId } : {},
      include: {
        hours: { orderBy: [{ weekday: 'asc' }, { opens: 'asc' }] },
        service: { select: { id: true, code: true, name: true, mode: true } },
      },
      orderBy: [{ officeId: 'asc' }, { service: { sortOrder: 'asc' } }],
    }),
    db.office.findMany({
      where: officeId ? { id: officeId } : {},
      select: { id: true, name: true, timeZone: true, patronDay: true, closures: { orderBy: { fromDay: 'asc' } } },
      orderBy: { sortOrder: 'asc' },
    }),
  ]);
  return {
    schedules: schedules.map((s) => ({
      id: s.id,
      officeId: s.officeId,
      service: { ...s.service, name: textOf(s.service.name) },
      slotMinutes: s.slotMinutes,
      capacity: s.capacity,
      horizonDays: s.horizonDays,
      minNoticeMinutes: s.minNoticeMinutes,
      active: s.active,
      hours: s.hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    })),
    offices: offices.map((o) => ({
      id: o.id,
      name: textOf(o.name),
      timeZone: o.timeZone,
      patronDay: o.patronDay ? { month: o.patronDay.month, day: o.patronDay.day, name: textOrNull(o.patronDay.name) } : null,
      closures: o.closures.map((c) => ({ id: c.id, fromDay: c.fromDay, toDay: c.toDay, reason: textOrNull(c.reason) })),
    })),
  };
}
