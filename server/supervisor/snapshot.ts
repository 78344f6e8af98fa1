import type { Counter } from '../db/generated/client';
import { textOf } from '../db/texts';
import { notFound } from '../errors';
import { agentsConnected, printerAlert } from '../printing/printer-status';
import { queueInfos } from '../estimates/queue-infos';
import type { QueueInfo } from '../../contract/queues';
import type { SupervisorCounter, SupervisorService, SupervisorSnapshot } from '../../contract/supervisor';
import { rt } from '../runtime';
import { counterTicketInclude, toCounterTicket } from '../tickets/views';
import { supervisorAlerts } from './alerts';

/** Events that end a visit at a counter: after them the counter is idle. */
const VISIT_ENDS = ['completed', 'no_show', 'transferred'] as const;

/**
 * The supervisor's live view of one office: every counter (who, activity, current ticket, since
 * when), every queue, and the alerts. A fixed handful of queries however big the office; the
 * office flush passes the queue figures and counters it already has.
 */
export async function supervisorSnapshot(
  officeId: string,
  known: { queues?: QueueInfo[]; counters?: Counter[] } = {},
): Promise<SupervisorSnapshot> {
  const { db } = rt();
  const [office, counters, queues, services, kiosks] = await Promise.all([
    db.office.findUnique({ where: { id: officeId }, select: { id: true, name: true } }),
    known.counters ?? db.counter.findMany({ where: { officeId } }),
    known.queues ?? queueInfos(officeId),
    db.service.findMany({
      where: { officeId, active: true, mode: 'desk' },
      select: { id: true, prefix: true, name: true, targetWaitMinutes: true },
      orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    }),
    db.kiosk.findMany({ where: { officeId, active: true, printMode: { not: 'none' } }, orderBy: { name: 'asc' } }),
  ]);
  if (!office) throw notFound('Office');

  const staffed = counters.filter((c) => c.staffId !== null);
  const staffIds = staffed.map((c) => c.staffId as string);
  const idle = counters.filter((c) => c.state === 'open' && c.openedAt);
  const firstOpened = idle.reduce<Date | null>(
    (min, c) => (!min || (c.openedAt as Date) < min ? (c.openedAt as Date) : min),
    null,
  );
  const [current, staff, skills, lastEnds, connected] = await Promise.all([
    counters.length
      ? db.ticket.findMany({
          where: { counterId: { in: counters.map((c) => c.id) }, status: { in: ['called', 'serving'] } },
          include: counterTicketInclude,
          orderBy: { calledAt: 'asc' },
        })
      : [],
    staffIds.length ? db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, displayName: true } }) : [],
    staffIds.length
      ? db.skill.findMany({
          where: { staffId: { in: staffIds }, service: { officeId, active: true } },
          select: { staffId: true, serviceId: true },
        })
      : [],
    firstOpened
      ? db.ticketEvent.groupBy({
          by: ['counterId'],
          where: { officeId, counterId: { in: idle.map((c) => c.id) }, type: { in: [...VISIT_ENDS] }, at: { gte: firstOpened } },
          _max: { at: true },
        })
      : [],
    agentsConnected(kiosks.filter((k) => k.printMode === 'agent').map((k) => k.id)),
  ]);

  const currentBy = new Map(current.map((t) => [t.counterId as string, t]));
  const nameBy = new Map(staff.map((s) => [s.id, s.displayName]));
  const skillsBy = new Map<string, string[]>();
  for (const s of skills) skillsBy.set(s.staffId, [...(skillsBy.get(s.staffId) ?? []), s.serviceId]);
  const lastEndBy = new Map(lastEnds.map((e) => [e.counterId as string, e._max.at]));

  const rows: SupervisorCounter[] = [...counters]
    .sort((a, b) => a.number - b.number)
    .map((c) => {
      const t = currentBy.get(c.id);
      let activity: SupervisorCounter['activity'] = 'closed';
      let since: Date | null = null;
      if (t) {
        activity = t.status === 'serving' ? 'serving' : 'called';
        since = (t.status === 'serving' ? t.startedAt : t.calledAt) ?? t.calledAt;
      } else if (c.state === 'paused') {
        activity = 'paused';
        since = c.pausedAt;
      } else if (c.state === 'open') {
        activity = 'idle';
        const end = lastEndBy.get(c.id);
        since = end && c.openedAt && end > c.openedAt ? end : c.openedAt;
      }
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        officeId: c.officeId,
        state: c.state,
        activity,
        staffId: c.staffId,
        staffName: c.staffId ? (nameBy.get(c.staffId) ?? null) : null,
        serviceIds: c.serviceIds,
        skillServiceIds: c.staffId ? (skillsBy.get(c.staffId) ?? []) : [],
        current: t ? toCounterTicket(t) : null,
        since: since?.toISOString() ?? null,
      };
    });

  const paused = new Map<string, number>();
  for (const c of counters) if (c.state === 'paused') for (const s of c.serviceIds) paused.set(s, (paused.get(s) ?? 0) + 1);
  const printers = kiosks.map((k) => printerAlert(k, connected.has(k.id)));
  const deskServices: SupervisorService[] = services.map((s) => ({ ...s, name: textOf(s.name) }));
  const deskIds = new Set(deskServices.map((s) => s.id));
  const deskQueues = queues.filter((q) => deskIds.has(q.serviceId));
  return {
    office: { id: office.id, name: textOf(office.name) },
    counters: rows,
    queues: deskQueues,
    services: deskServices,
    printers,
    alerts: supervisorAlerts(deskQueues, deskServices, printers, paused),
    serverTime: new Date().toISOString(),
  };
}
