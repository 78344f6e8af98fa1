/** Live waits published for everyone: `GET /api/public/waits` and the `/attese` page. */
import { z } from './zod';
import { id } from './ids';
import { localizedTextSchema } from './lang';
import { queueInfoSchema } from './queues';

export const publicWaitsQuery = z.object({
  officeId: id.optional().describe('Only this office; default: every office with walk-in services'),
});

/** The licence the open data is published under (stated in every answer and in the API docs). */
export const WAITS_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** One cell of the "best time to come" chart: the median wait of walk-ins who took a ticket then. */
export const bestTimeCellSchema = z.object({
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  /** Local hour of the day the ticket was taken (0–23). */
  hour: z.number().int().min(0).max(23),
  /** Median minutes from the ticket to the call; null when too few tickets to say. */
  medianWaitMinutes: z.number().nullable(),
  tickets: z.number().int(),
});
export type BestTimeCell = z.infer<typeof bestTimeCellSchema>;

export const publicOfficeWaitsSchema = z.object({
  id: z.string(),
  slug: z.string(),
  /** The office's name per language (Italian always there). */
  name: localizedTextSchema,
  address: z.string(),
  timeZone: z.string(),
  /** Whether walk-in tickets are issued now; when closed, when they are again. */
  walkIn: z.object({ open: z.boolean(), closesAt: z.string().optional(), nextOpensAt: z.string().optional() }),
  /** Walk-in services: people waiting and the estimated wait of somebody taking a ticket now. */
  services: z.array(queueInfoSchema),
  bestTime: z.object({ weeks: z.number().int(), cells: z.array(bestTimeCellSchema) }),
});
export type PublicOfficeWaits = z.infer<typeof publicOfficeWaitsSchema>;

export const publicWaitsSchema = z.object({
  generatedAt: z.string(),
  /** Seconds the answer may be cached (Cache-Control max-age): how often it is worth asking again. */
  refreshSeconds: z.number().int(),
  licence: z.object({ name: z.string(), url: z.string(), attribution: z.string() }),
  offices: z.array(publicOfficeWaitsSchema),
});
export type PublicWaits = z.infer<typeof publicWaitsSchema>;
