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
  /** Estimated wait for somebody taking a ticket now, in minutes. */
  estimatedWaitMinutes: z.number(),
  /** Lower bound of the estimate band (0.8× the estimate), as ZMS shows it. */
  estimatedWaitMinMinutes: z.number(),
  openCounters: z.number(),
});
export type QueueInfo = z.infer<typeof queueInfoSchema>;
