import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { rt } from '../runtime';
import { DAY_PATTERN, minutesOf, TIME_PATTERN, type ClosureRules, type ScheduleRule } from './slots';

/**
 * Schedules, closures and patron days in the database. The admin screens (issue 5) call these;
 * so does the demo seed. Every input goes through zod; a bad one changes nothing.
 */

const hhmm = z.string().regex(TIME_PATTERN, 'HH:MM');
const day = z.string().regex(DAY_PATTERN, 'YYYY-MM-DD');

export const openingRangeInput = z
  .object({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })
  .refine((r) => minutesOf(r.opens) < minutesOf(r.closes), { message: 'A range must close after it opens' });

export const scheduleInput = z.object({
  officeId: z.string().min(1).max(64),
  serviceId: z.string().min(1).max(64),
  slotMinutes: z.number().int().min(5).max(240).default(15),
  capacity: z.number().int().min(1).max(50).default(1),
  horizonDays: z.number().int().min(1).max(366).default(60),
  minNoticeMinutes: z.number().int().min(0).max(30 * 24 * 60).default(120),
  active: z.boolean().default(true),
  hours: z.array(openingRangeInput).max(70),
});
export type ScheduleInput = z.input<typeof scheduleInput>;

export const closureInput = z
  .object({ officeId: z.string().min(1).max(64), fromDay: day, toDay: day, reason: z.string().trim().max(200).default('') })
  .refine((c) => c.fromDay <= c.toDay, { message: 'The last day cannot come before the first' });

export const patronDayInput = z.object({
  officeId: z.string().min(1).max(64),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  name: z.string().trim().max(100).default(''),
});

/** Creates or replaces the schedule of a service at an office (its weekly hours are replaced whole). */
export async function upsertSchedule(raw: ScheduleInput) {
  const input = scheduleInput.parse(raw);
  const { db } = rt();
  const service = await db.service.findUnique({ where: { id: input.serviceId } });
  if (!service) throw notFound('Service');
  const office = await db.office.findUnique({ where: { id: input.officeId } });
  if (!office) throw notFound('Office');
  const { hours, ...fields } = input;
  return db.$transaction(async (tx) => {
    const s = await tx.schedule.upsert({
      where: { officeId_serviceId: { officeId: input.officeId, serviceId: input.serviceId } },
      create: fields,
      update: fields,
    });
    await tx.scheduleHours.deleteMany({ where: { scheduleId: s.id } });
    await tx.scheduleHours.createMany({ data: hours.map((h) => ({ scheduleId: s.id, ...h })) });
    return tx.schedule.findUniqueOrThrow({ where: { id: s.id }, include: { hours: true } });
  });
}

export async function addClosure(raw: z.input<typeof closureInput>) {
  const input = closureInput.parse(raw);
  if (!(await rt().db.office.findUnique({ where: { id: input.officeId } }))) throw notFound('Office');
  return rt().db.closure.create({ data: input });
}

export async function removeClosure(id: string) {
  const res = await rt().db.closure.deleteMany({ where: { id } });
  if (res.count === 0) throw notFound('Closure');
}

/** Sets (or with null removes) the patron saint's day of an office. */
export async function setPatronDay(officeId: string, raw: Omit<z.input<typeof patronDayInput>, 'officeId'> | null) {
  const { db } = rt();
  if (!(await db.office.findUnique({ where: { id: officeId } }))) throw notFound('Office');
  if (raw === null) {
    await db.patronDay.deleteMany({ where: { officeId } });
    return null;
  }
  const input = patronDayInput.parse({ ...raw, officeId });
  // 30 February is not a day; 29 February is (leap years only, like the saint's feast itself).
  const probe = new Date(Date.UTC(2024, input.month - 1, input.day));
  if (probe.getUTCMonth() !== input.month - 1) throw new AppError(422, 'invalid_day', 'That day does not exist');
  return db.patronDay.upsert({ where: { officeId }, create: input, update: input });
}

export interface ScheduleContext {
  scheduleId: string;
  office: { id: string; name: string; nameEn: string; address: string; timeZone: string };
  service: { id: string; code: string; nameIt: string; nameEn: string; prefix: string; mode: 'desk' | 'appointment'; active: boolean };
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
    office: { id: o.id, name: o.name, nameEn: o.nameEn, address: o.address, timeZone: o.timeZone },
    service: { id: s.service.id, code: s.service.code, nameIt: s.service.nameIt, nameEn: s.service.nameEn, prefix: s.service.prefix, mode: s.service.mode, active: s.service.active },
    rule: {
      timeZone: o.timeZone,
      slotMinutes: s.slotMinutes,
      capacity: s.capacity,
      horizonDays: s.horizonDays,
      minNoticeMinutes: s.minNoticeMinutes,
      hours: s.hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    },
    closures: {
      closures: o.closures.map((c) => ({ fromDay: c.fromDay, toDay: c.toDay, reason: c.reason })),
      patron: o.patronDay ? { month: o.patronDay.month, day: o.patronDay.day, name: o.patronDay.name } : null,
    },
  };
}

export const schedulesQuery = z.object({ officeId: z.string().min(1).max(64).optional() });

/** For the admin screens: schedules with their hours, and each office's closures and patron day. */
export async function listSchedules(officeId?: string) {
  const { db } = rt();
  const [schedules, offices] = await Promise.all([
    db.schedule.findMany({
      where: officeId ? { officeId } : {},
      include: { hours: { orderBy: [{ weekday: 'asc' }, { opens: 'asc' }] }, service: { select: { id: true, code: true, nameIt: true, nameEn: true, mode: true } } },
      orderBy: [{ officeId: 'asc' }, { service: { sortOrder: 'asc' } }],
    }),
    db.office.findMany({
      where: officeId ? { id: officeId } : {},
      select: { id: true, name: true, nameEn: true, timeZone: true, patronDay: true, closures: { orderBy: { fromDay: 'asc' } } },
      orderBy: { sortOrder: 'asc' },
    }),
  ]);
  return {
    schedules: schedules.map((s) => ({
      id: s.id,
      officeId: s.officeId,
      service: s.service,
      slotMinutes: s.slotMinutes,
      capacity: s.capacity,
      horizonDays: s.horizonDays,
      minNoticeMinutes: s.minNoticeMinutes,
      active: s.active,
      hours: s.hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    })),
    offices: offices.map((o) => ({
      id: o.id,
      name: o.name,
      nameEn: o.nameEn,
      timeZone: o.timeZone,
      patronDay: o.patronDay ? { month: o.patronDay.month, day: o.patronDay.day, name: o.patronDay.name } : null,
      closures: o.closures.map((c) => ({ id: c.id, fromDay: c.fromDay, toDay: c.toDay, reason: c.reason })),
    })),
  };
}

export const patronDayBody = z.object({
  officeId: z.string().min(1).max(64),
  /** null removes the patron day. */
  patronDay: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), name: z.string().trim().max(100).default('') }).nullable(),
});
