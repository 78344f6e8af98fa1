import { z } from './zod';
import { localizedTextSchema } from './lang';

/** What the public may see of a service's queue (display, kiosk, phone). */
export const queueInfoSchema = z.object({
  serviceId: z.string(),
  prefix: z.string(),
  name: localizedTextSchema,
  waiting: z.number(),
  /** Minutes the oldest waiting ticket has waited, 0 when nobody waits. */
  oldestWaitMinutes: z.number(),
  /** Estimated wait for somebody taking a ticket now, in minutes (the median of the simulated futures). */
  estimatedWaitMinutes: z.number(),
  /** The range around it that held the real wait in most past cases (server/estimates/calibration.ts). */
  estimatedWaitMinMinutes: z.number(),
  estimatedWaitMaxMinutes: z.number(),
  openCounters: z.number(),
});
export type QueueInfo = z.infer<typeof queueInfoSchema>;
