/**
 * The supervisor's alert rules, as pure functions: the server builds the snapshot's alerts with
 * them and the live view re-applies the printer rule when a `printer` event arrives between two
 * snapshots. No server imports here: the browser bundle uses this file too.
 */
import type { PrinterAlert, QueueInfo, SupervisorAlert, SupervisorService } from '../realtime/contract';

/** A printer needs somebody: offline, out of or low on paper, or its kiosk agent is gone. */
export function printerNeedsAttention(p: PrinterAlert): boolean {
  if (p.printMode === 'none') return false;
  if (p.status === 'offline' || p.status === 'paper_out' || p.status === 'paper_low') return true;
  return p.printMode === 'agent' && p.agentConnected === false;
}

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
