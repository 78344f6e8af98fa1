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

/**
 * A service's live figures without its name and prefix: what the `queues` event sends after every
 * batch of changes. The names come with the screen's snapshot and change only through an admin,
 * after which displays subscribe again (`displayChanged`); sent with every pass they made the
 * event 2.7 times larger (44 KB against 16 KB for the demo desk's 92 services, to every display
 * and counter screen twice a second under load).
 */
export const queueFiguresSchema = queueInfoSchema.omit({ prefix: true, name: true });
export type QueueFigures = z.infer<typeof queueFiguresSchema>;

/**
 * The `queues` event, sent after a batch of changes: the figures of the services whose figures
 * changed since the process's last update (`complete: false`; the screen keeps the others), or of
 * every service of the office (`complete: true`; a screen drops the services it no longer finds,
 * deactivated ones). Only what changed: every figure of the demo desk's 92 services went to every
 * display and counter screen after every batch, though a call moves one service's.
 */
export const queuesUpdateSchema = z.object({ complete: z.boolean(), figures: z.array(queueFiguresSchema) });
export type QueuesUpdate = z.infer<typeof queuesUpdateSchema>;

export function queueFigures({ prefix: _prefix, name: _name, ...figures }: QueueInfo): QueueFigures {
  return figures;
}
