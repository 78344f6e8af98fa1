/** The staffing forecast of the supervision area: `GET /api/supervisor/forecast`. */
import { z } from './zod';
import { id } from './ids';
import { localizedTextSchema } from './lang';

export const forecastQuery = z.object({
  officeId: id.optional().describe('Office id; default: the one-stop desk'),
  days: z.coerce.number().int().min(1).max(14).default(5).describe('Days ahead, from tomorrow'),
  share: z.coerce
    .number()
    .min(0.5)
    .max(0.99)
    .default(0.8)
    .describe('Share of citizens to serve within their service’s target wait (0.5–0.99)'),
});
export type ForecastQuery = z.input<typeof forecastQuery>;

export const forecastHourSchema = z.object({
  /** Local hour of the day (0–23). */
  hour: z.number().int(),
  /** Expected walk-in tickets (mean of the same weekday of the last weeks). */
  walkIns: z.number(),
  /** Appointments booked for that hour, times the share that usually comes. */
  appointments: z.number(),
  arrivals: z.number(),
  /** Counters the queueing model asks for (Erlang C), then raised where the simulated day misses the share. */
  countersNeeded: z.number().int(),
  /** The Erlang C answer alone (one hour in a steady state). */
  erlangC: z.number().int(),
  /** Share of that hour's citizens served within their target wait, simulated with countersNeeded. */
  simulatedShare: z.number().nullable(),
  /** Counters usually open at that hour on that weekday (mean of the same weekdays, from the counters' log). */
  countersPlanned: z.number(),
});
export type ForecastHour = z.infer<typeof forecastHourSchema>;

export const forecastDaySchema = z.object({
  day: z.string(),
  weekday: z.number().int(),
  /** Why no walk-ins are expected (no opening hours, a national holiday, the patron saint, a closure); null when open. */
  closed: z.enum(['no_hours', 'holiday', 'patron', 'closure']).nullable(),
  hours: z.array(forecastHourSchema),
});
export type ForecastDay = z.infer<typeof forecastDaySchema>;

export const forecastSchema = z.object({
  office: z.object({ id: z.string(), name: localizedTextSchema, timeZone: z.string() }),
  share: z.number(),
  /** Mean counter minutes per citizen (call to next call), last 4 weeks. */
  serviceMinutes: z.number(),
  /** The walk-in mix's target waits: minutes and their share of citizens. */
  targets: z.array(z.object({ minutes: z.number(), weight: z.number() })),
  /** Counters in the office (the most that can be opened). */
  counters: z.number().int(),
  /** Same weekdays learned from. */
  weeks: z.number().int(),
  days: z.array(forecastDaySchema),
});
export type Forecast = z.infer<typeof forecastSchema>;
