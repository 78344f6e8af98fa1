/** Counters: the clerk's snapshot, the list, opening and the services an open counter serves. */
import { z } from './zod';
import { counterStateSchema, prioritySchema } from './enums';
import { id } from './ids';
import { queueInfoSchema } from './queues';
import { counterTicketSchema } from './tickets';

export const openCounterInput = z.object({ serviceIds: z.array(id).max(500).optional() });
/** Supervisor: the services an open counter serves. */
export const counterServicesInput = z.object({ serviceIds: z.array(id).min(1).max(500) });

export const waitingEntrySchema = z.object({
  id: z.string(),
  number: z.string(),
  priority: prioritySchema,
  serviceId: z.string(),
  queuedAt: z.string(),
  /** True when this ticket was transferred to this counter or clerk personally. */
  direct: z.boolean(),
});
export type WaitingEntry = z.infer<typeof waitingEntrySchema>;

export const counterSnapshotSchema = z.object({
  counter: z.object({
    id: z.string(),
    number: z.number(),
    name: z.string(),
    state: counterStateSchema,
    serviceIds: z.array(z.string()),
    officeId: z.string(),
    staffId: z.string().nullable(),
  }),
  current: counterTicketSchema.nullable(),
  /** Tickets this counter may call, in the order "call next" would take them (first 50). */
  waiting: z.array(waitingEntrySchema),
  waitingTotal: z.number(),
  queues: z.array(queueInfoSchema),
});
export type CounterSnapshot = z.infer<typeof counterSnapshotSchema>;

/**
 * The `counter` event: a counter's new snapshot. After a batch of changes it comes without `queues`
 * unless that batch's `queues` event is complete (the office's services or their names changed, or
 * every few seconds): the screen keeps its queues and takes their figures from `queues` events.
 * With them, twenty counters' snapshots carried the office's 92 named services after every batch.
 */
export const counterUpdateSchema = counterSnapshotSchema.extend({ queues: counterSnapshotSchema.shape.queues.optional() });
export type CounterUpdate = z.infer<typeof counterUpdateSchema>;

/** GET /api/counters item. */
export const counterListItemSchema = z.object({
  id: z.string(),
  number: z.number(),
  name: z.string(),
  state: counterStateSchema,
  officeId: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  serviceIds: z.array(z.string()),
  current: counterTicketSchema.nullable(),
});
export type CounterListItem = z.infer<typeof counterListItemSchema>;
export const counterListSchema = z.array(counterListItemSchema);
