/** Statistics of an office's procedures ("pratiche") over a range of local days, and its backlog now. */
import { z } from './zod';
import { id } from './ids';
import { langSchema, localizedTextSchema } from './lang';
import { calendarDay } from './primitives';

export const procedureStatsQuery = z
  .object({
    from: calendarDay,
    to: calendarDay,
    officeId: id.optional(),
    /** Only for the CSV: the language of service names. */
    lang: langSchema.default('it'),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['to'] });
export type ProcedureStatsQuery = z.output<typeof procedureStatsQuery>;

export const procedureFiguresSchema = z.object({
  /** Submitted (online or at the desk) in the range. */
  opened: z.number(),
  completed: z.number(),
  rejected: z.number(),
  withdrawn: z.number(),
  /** Median calendar days from submission to completion, of those completed in the range. */
  medianDaysToComplete: z.number().nullable(),
  /** Completed or rejected in the range within the legal deadline (time waiting for the citizen not counted). */
  withinDeadline: z.number(),
  /** withinDeadline / (completed + rejected), 0..1. */
  withinDeadlineShare: z.number().nullable(),
});
export type ProcedureFigures = z.infer<typeof procedureFiguresSchema>;

export const procedureStatsSchema = z.object({
  office: z.object({ id: z.string(), name: localizedTextSchema }),
  from: z.string(),
  to: z.string(),
  rows: z.array(procedureFiguresSchema.extend({ serviceId: z.string(), name: localizedTextSchema })),
  total: procedureFiguresSchema,
  /** Now: open procedures, those waiting for the citizen, due within DUE_SOON_DAYS, past their deadline. */
  backlog: z.object({ open: z.number(), waitingCitizen: z.number(), dueSoon: z.number(), overdue: z.number() }),
});
export type ProcedureStats = z.infer<typeof procedureStatsSchema>;

export const DUE_SOON_DAYS = 5;
