/** Appointment schedules, closures and patron days of the offices (supervisors read, admins change). */
import { z } from './zod';
import { localizedText, localizedTextSchema } from './lang';
import { openingRangeSchema, weeklyHoursInput } from './calendar';
import { serviceModeSchema } from './enums';
import { id } from './ids';
import { calendarDay } from './primitives';

export const scheduleInput = z.object({
  officeId: id,
  serviceId: id,
  slotMinutes: z.number().int().min(5).max(240).default(15),
  capacity: z.number().int().min(1).max(50).default(1),
  horizonDays: z.number().int().min(1).max(366).default(60),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60)
    .default(120),
  active: z.boolean().default(true),
  hours: weeklyHoursInput,
});
export type ScheduleInput = z.input<typeof scheduleInput>;

export const closureInput = z
  .object({ officeId: id, fromDay: calendarDay, toDay: calendarDay, reason: localizedText(200).nullable().default(null) })
  .refine((c) => c.fromDay <= c.toDay, { message: 'The last day cannot come before the first', path: ['toDay'] });

const patronDayFields = {
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  name: localizedText(100).nullable().default(null),
};
export const patronDayInput = z.object({ officeId: id, ...patronDayFields });

/** PUT /api/schedules/patron-day. */
export const patronDayBody = z.object({
  officeId: id,
  /** null removes the patron day. */
  patronDay: z.object(patronDayFields).nullable(),
});

export const schedulesQuery = z.object({ officeId: id.optional() });

export const patronDaySchema = z.object({ month: z.number(), day: z.number(), name: localizedTextSchema.nullable() });
export const closureSchema = z.object({
  id: z.string(),
  fromDay: z.string(),
  toDay: z.string(),
  reason: localizedTextSchema.nullable(),
});

/** GET /api/schedules: schedules with their hours, and each office's closures and patron day. */
export const schedulesAnswerSchema = z.object({
  schedules: z.array(
    z.object({
      id: z.string(),
      officeId: z.string(),
      service: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema, mode: serviceModeSchema }),
      slotMinutes: z.number(),
      capacity: z.number(),
      horizonDays: z.number(),
      minNoticeMinutes: z.number(),
      active: z.boolean(),
      hours: z.array(openingRangeSchema),
    }),
  ),
  offices: z.array(
    z.object({
      id: z.string(),
      name: localizedTextSchema,
      timeZone: z.string(),
      patronDay: patronDaySchema.nullable(),
      closures: z.array(closureSchema),
    }),
  ),
});
export type SchedulesAnswer = z.infer<typeof schedulesAnswerSchema>;

/** PUT /api/schedules answer: the schedule row with its hours. */
export const scheduleRowSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  serviceId: z.string(),
  slotMinutes: z.number(),
  capacity: z.number(),
  horizonDays: z.number(),
  minNoticeMinutes: z.number(),
  active: z.boolean(),
  updatedAt: z.string(),
  hours: z.array(openingRangeSchema.extend({ id: z.string(), scheduleId: z.string() })),
});
/** POST /api/schedules/closures answer (201). */
export const closureRowSchema = closureSchema.extend({ officeId: z.string(), createdAt: z.string() });
/** PUT /api/schedules/patron-day answer. */
export const patronDayAnswerSchema = z.object({ patronDay: patronDaySchema.extend({ officeId: z.string() }).nullable() });
