/**
 * The supervisor's alert rules, as a pure function of the office's figures. The printer rule
 * (`printerNeedsAttention`) lives in contract/supervisor.ts: the live view re-applies it when a
 * `printer` event arrives between two snapshots.
 */
import {
  printerNeedsAttention,
  type PrinterAlert,
  type SupervisorAlert,
  type SupervisorService,
} from '../../contract/supervisor';
import type { QueueInfo } from '../../contract/queues';

/** Worst first: nobody serving a queue, then paper/printers, then long waits (longest first). */
const ORDER: Record<SupervisorAlert['kind'], number> = { queue_unserved: 0, printer: 1, wait_over_target: 2 };

export function supervisorAlerts(
  queues: QueueInfo[],
  services: SupervisorService[],
  printers: PrinterAlert[],
  pausedCountersByService: Map<string, number>,
): SupervisorAlert[] {
  const byId = new Map(services.map((s) => [s.id, s]));
  const alerts: SupervisorAlert[] = [];
  for (const q of queues) {
    const service = byId.get(q.serviceId);
    if (!service || q.waiting === 0) continue;
    if (q.openCounters === 0)
      alerts.push({
        kind: 'queue_unserved',
        service,
        waiting: q.waiting,
        pausedCounters: pausedCountersByService.get(q.serviceId) ?? 0,
      });
    // A wait equal to the target is still within it (the service level counts it as met).
    if (q.oldestWaitMinutes > service.targetWaitMinutes)
      alerts.push({ kind: 'wait_over_target', service, waiting: q.waiting, oldestWaitMinutes: q.oldestWaitMinutes });
  }
  for (const p of printers) if (printerNeedsAttention(p)) alerts.push({ kind: 'printer', printer: p });
  const weight = (a: SupervisorAlert) =>
    a.kind === 'wait_over_target' ? -a.oldestWaitMinutes : a.kind === 'queue_unserved' ? -a.waiting : 0;
  return alerts.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || weight(a) - weight(b));
}
