/** The supervisor's live view: counters, services, printers and alerts of one office. */
import { z } from './zod';
import { localizedTextSchema } from './lang';
import { counterStateSchema, printerStatusSchema, printModeSchema } from './enums';
import { queueInfoSchema } from './queues';
import { counterTicketSchema } from './tickets';

/** A kiosk printer's state changed (or its agent came or went): for supervisors' alerts. */
export const printerAlertSchema = z.object({
  kioskId: z.string(),
  officeId: z.string(),
  name: z.string(),
  printMode: printModeSchema,
  status: printerStatusSchema,
  /** The error or the printer's own report, when there is one. */
  detail: z.string().nullable(),
  /** Whether the kiosk's agent is connected; null when the kiosk does not use one. */
  agentConnected: z.boolean().nullable(),
  at: z.string(),
});
export type PrinterAlert = z.infer<typeof printerAlertSchema>;

/** A counter as the supervisor sees it: who, what, and since when. */
export const supervisorCounterSchema = z.object({
  id: z.string(),
  number: z.number(),
  name: z.string(),
  officeId: z.string(),
  state: counterStateSchema,
  /** closed, idle (open, nobody at the desk), paused, called (waiting for the citizen), serving. */
  activity: z.enum(['closed', 'idle', 'paused', 'called', 'serving']),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  serviceIds: z.array(z.string()),
  /** The services the clerk has a skill for in this office (offered first when changing services). */
  skillServiceIds: z.array(z.string()),
  current: counterTicketSchema.nullable(),
  /**
   * Since when the counter is in its present activity: the call (called), the start (serving),
   * the pause (paused), the end of its last visit or its opening (idle); null when closed.
   */
  since: z.string().nullable(),
});
export type SupervisorCounter = z.infer<typeof supervisorCounterSchema>;

/** A desk service of the office with its service level target. */
export const supervisorServiceSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  name: localizedTextSchema,
  targetWaitMinutes: z.number(),
});
export type SupervisorService = z.infer<typeof supervisorServiceSchema>;

export const supervisorAlertSchema = z.discriminatedUnion('kind', [
  /** Somebody has waited longer than the service's target wait. */
  z.object({
    kind: z.literal('wait_over_target'),
    service: supervisorServiceSchema,
    waiting: z.number(),
    oldestWaitMinutes: z.number(),
  }),
  /** People wait for a service that no open counter serves (paused counters do not count). */
  z.object({
    kind: z.literal('queue_unserved'),
    service: supervisorServiceSchema,
    waiting: z.number(),
    pausedCounters: z.number(),
  }),
  /** A kiosk printer is offline, out of paper, low on paper, or its agent is gone. */
  z.object({ kind: z.literal('printer'), printer: printerAlertSchema }),
]);
export type SupervisorAlert = z.infer<typeof supervisorAlertSchema>;
export type SupervisorAlertKind = SupervisorAlert['kind'];

export const supervisorSnapshotSchema = z.object({
  office: z.object({ id: z.string(), name: localizedTextSchema }),
  counters: z.array(supervisorCounterSchema),
  queues: z.array(queueInfoSchema),
  services: z.array(supervisorServiceSchema),
  /** Every active kiosk with a printer, whatever its state (alerts list only the ones in trouble). */
  printers: z.array(printerAlertSchema),
  alerts: z.array(supervisorAlertSchema),
  serverTime: z.string(),
});
export type SupervisorSnapshot = z.infer<typeof supervisorSnapshotSchema>;

/**
 * A printer needs somebody: offline, out of or low on paper, or its kiosk agent is gone. The
 * server builds the snapshot's alerts with it and the live view re-applies it when a `printer`
 * event arrives between two snapshots, so it lives here, on both sides.
 */
export function printerNeedsAttention(p: PrinterAlert): boolean {
  if (p.printMode === 'none') return false;
  if (p.status === 'offline' || p.status === 'paper_out' || p.status === 'paper_low') return true;
  return p.printMode === 'agent' && p.agentConnected === false;
}
