/** Statistics of an office over a range of local days (server/stats/figures.ts defines each figure). */
import { z } from './zod';
import { id } from './ids';
import { langSchema, localizedTextSchema } from './lang';
import { calendarDay } from './primitives';

export const GROUP_BYS = ['day', 'hour', 'service', 'counter', 'staff'] as const;
export const groupBySchema = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof groupBySchema>;

/** The longest range one request may cover (a year of days; the query stays a single pass). */
export const MAX_RANGE_DAYS = 366;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

export const statsQuery = z
  .object({
    from: calendarDay,
    to: calendarDay,
    officeId: id.optional(),
    groupBy: groupBySchema.default('day'),
    /** Only for the CSV: the language of service names. */
    lang: langSchema.default('it'),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['to'] })
  .refine((q) => (dayMs(q.to) - dayMs(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    message: `At most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });
export type StatsQuery = z.output<typeof statsQuery>;

export const statsFiguresSchema = z.object({
  issued: z.number(),
  served: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  transferred: z.number(),
  called: z.number(),
  withinTarget: z.number(),
  /** 0..1 */
  serviceLevel: z.number().nullable(),
  waitP50: z.number().nullable(),
  waitP90: z.number().nullable(),
  serviceP50: z.number().nullable(),
  serviceP90: z.number().nullable(),
  apptBooked: z.number(),
  apptCheckedIn: z.number(),
  apptCancelled: z.number(),
  apptNoShow: z.number(),
});
export type StatsFigures = z.infer<typeof statsFiguresSchema>;

export const statsRowSchema = statsFiguresSchema.extend({
  /** Local day (YYYY-MM-DD), hour ("09"), or the id of the service, counter or clerk; null = none (e.g. tickets issued, not at a counter). */
  key: z.string().nullable(),
  /** Human name of the key: the service or counter name, the clerk's display name, the day or hour itself. */
  name: localizedTextSchema.nullable(),
  /** Service prefix letter, when grouping by service. */
  prefix: z.string().optional(),
});
export type StatsRow = z.infer<typeof statsRowSchema>;

export const statsResultSchema = z.object({
  office: z.object({ id: z.string(), name: localizedTextSchema, timeZone: z.string() }),
  from: z.string(),
  to: z.string(),
  groupBy: groupBySchema,
  rows: z.array(statsRowSchema),
  /** The whole range at once (percentiles of all values, not an average of the rows'). */
  total: statsFiguresSchema,
});
export type StatsResult = z.infer<typeof statsResultSchema>;
