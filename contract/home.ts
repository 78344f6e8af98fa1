import { z } from './zod';
import { officeSchema } from './offices';

/** One walk-in opening range of a weekday (ISO weekday: 1 = Monday … 7 = Sunday; local "HH:MM"). */
export const openingRangeSchema = z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() });
export type OpeningRange = z.infer<typeof openingRangeSchema>;

/** An office as the citizen home page lists it: where, open now or not, and its weekly hours. */
export const homeOfficeSchema = officeSchema.pick({ id: true, name: true, address: true, timeZone: true, walkIn: true }).extend({
  /** Walk-in hours (take a number at the kiosk); none = no fixed hours. */
  hours: z.array(openingRangeSchema),
  /** When the office's services can be booked: every active schedule's ranges, merged. */
  appointmentHours: z.array(openingRangeSchema),
});
export type HomeOffice = z.infer<typeof homeOfficeSchema>;
