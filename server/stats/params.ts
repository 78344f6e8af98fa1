import { DateTime } from 'luxon';
import { z } from 'zod';
import { calendarDay } from '../../contract/primitives';

export const GROUP_BYS = ['day', 'hour', 'service', 'counter', 'staff'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The longest range one request may cover (a year of days; the query stays a single pass). */
export const MAX_RANGE_DAYS = 366;

export const statsQuery = z
  .object({
    from: calendarDay,
    to: calendarDay,
    officeId: z.string().min(1).max(64).optional(),
    groupBy: z.enum(GROUP_BYS).default('day'),
    /** Only for the CSV: the language of service names. */
    lang: z.enum(['it', 'en']).default('it'),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['to'] })
  .refine((q) => DateTime.fromISO(q.to).diff(DateTime.fromISO(q.from), 'days').days < MAX_RANGE_DAYS, {
    message: `At most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });

export type StatsQuery = z.output<typeof statsQuery>;

/**
 * The UTC instants that bound the local days [from, to] in the office's time zone: a day is
 * 23 or 25 hours long at the daylight-saving changes, never a fixed 24.
 */
export function rangeBounds(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day');
  if (!start.isValid || !end.isValid) throw new Error(`Invalid range or time zone ${timeZone}`);
  return { start: start.toJSDate(), end: end.toJSDate() };
}
