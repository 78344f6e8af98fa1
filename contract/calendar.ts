/** Local days and wall-clock times as the API writes them (office time zone, no offset). */
import { z } from './zod';
import { localizedTextSchema } from './lang';

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Minutes since local midnight of "HH:MM". */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export const hhmm = z.string().regex(TIME_PATTERN, 'HH:MM');

/** One opening range of a week: ISO weekday (1 = Monday) and local "HH:MM" times. */
export const openingRangeInput = z
  .object({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })
  .refine((r) => minutesOf(r.opens) < minutesOf(r.closes), { message: 'A range must close after it opens' });
export type OpeningRange = z.infer<typeof openingRangeInput>;

/** A week of opening ranges (appointment schedules and walk-in hours alike). */
export const weeklyHoursInput = z
  .array(openingRangeInput)
  .max(70)
  .superRefine((hours, ctx) => {
    // Two ranges of one day that overlap are almost always a typing mistake: say which one.
    for (const [i, h] of hours.entries()) {
      const clash = hours.some(
        (o, j) =>
          j < i &&
          o.weekday === h.weekday &&
          minutesOf(o.opens) < minutesOf(h.closes) &&
          minutesOf(h.opens) < minutesOf(o.closes),
      );
      if (clash) ctx.addIssue({ code: 'custom', path: [i], message: 'Overlaps another range of the same day' });
    }
  });

/** An opening range as the API answers it. */
export const openingRangeSchema = z.object({ weekday: z.number(), opens: z.string(), closes: z.string() });

/** Why an office takes nobody on a local day: national holiday, patron saint, closure. */
export const closedDaySchema = z.object({
  kind: z.enum(['holiday', 'patron', 'closure']),
  name: localizedTextSchema,
});
export type ClosedDay = z.infer<typeof closedDaySchema>;
