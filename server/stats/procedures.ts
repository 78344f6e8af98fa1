/**
 * Procedure statistics from the ProcedureEvent log (one rule for the legal clock: procedures/clock.ts):
 * per service and in total, what was opened, completed, rejected and withdrawn in the local days
 * [from, to], the median time to completion, and how many were closed within the legal deadline;
 * plus the backlog now.
 */
import {
  DUE_SOON_DAYS,
  type ProcedureFigures,
  type ProcedureStats,
  type ProcedureStatsQuery,
} from '../../contract/procedure-stats';
import { textOf } from '../db/texts';
import { resolveOffice } from '../offices';
import { legalClock } from '../procedures/clock';
import { rt } from '../runtime';
import { rangeBounds } from './params';

const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

type Fact = { serviceId: string; type: string; days: number | null; within: boolean };

function figures(facts: Fact[]): ProcedureFigures {
  const count = (type: string) => facts.filter((f) => f.type === type).length;
  const closed = facts.filter((f) => f.type === 'completed' || f.type === 'rejected');
  const withinDeadline = closed.filter((f) => f.within).length;
  return {
    opened: count('submitted'),
    completed: count('completed'),
    rejected: count('rejected'),
    withdrawn: count('withdrawn'),
    medianDaysToComplete: round1(median(facts.filter((f) => f.type === 'completed').map((f) => f.days as number))),
    withinDeadline,
    withinDeadlineShare: closed.length ? withinDeadline / closed.length : null,
  };
}

export async function procedureStats(
  q: Pick<ProcedureStatsQuery, 'from' | 'to' | 'officeId'>,
  now = new Date(),
): Promise<ProcedureStats> {
  const { db } = rt();
  const office = await resolveOffice(q.officeId);
  const { start, end } = rangeBounds(q.from, q.to, office.timeZone);
  const inRange = await db.procedureEvent.findMany({
    where: {
      at: { gte: start, lt: end },
      type: { in: ['submitted', 'completed', 'rejected', 'withdrawn'] },
      procedure: { officeId: office.id },
    },
    select: { procedureId: true, type: true, at: true },
  });
  // The whole history of the procedures closed in the range (their clock may start before it).
  const closedIds = [
    ...new Set(inRange.filter((e) => e.type === 'completed' || e.type === 'rejected').map((e) => e.procedureId)),
  ];
  const procedures = await db.procedure.findMany({
    where: { id: { in: [...new Set(inRange.map((e) => e.procedureId))] } },
    select: {
      id: true,
      serviceId: true,
      submittedAt: true,
      deadlineDays: true,
      events: closedIds.length ? { orderBy: { id: 'asc' }, select: { at: true, toStatus: true } } : false,
    },
  });
  const byId = new Map(procedures.map((p) => [p.id, p]));
  const facts: Fact[] = inRange.map((e) => {
    const p = byId.get(e.procedureId)!;
    const closing = e.type === 'completed' || e.type === 'rejected';
    const clock = closing && p.events ? legalClock(p.deadlineDays, p.events, e.at) : null;
    return {
      serviceId: p.serviceId,
      type: e.type,
      days: (e.at.getTime() - p.submittedAt.getTime()) / DAY_MS,
      within: clock !== null && clock.daysUsed <= p.deadlineDays,
    };
  });

  const serviceIds = [...new Set(facts.map((f) => f.serviceId))];
  const services = await db.service.findMany({
    where: { id: { in: serviceIds } },
    select: { id: true, name: true, sortOrder: true },
  });
  services.sort((a, b) => a.sortOrder - b.sortOrder);

  const open = await db.procedure.findMany({
    where: { officeId: office.id, status: { in: ['submitted', 'in_progress', 'waiting_citizen'] } },
    select: { deadlineDays: true, status: true, events: { orderBy: { id: 'asc' }, select: { at: true, toStatus: true } } },
  });
  const clocks = open.map((p) => legalClock(p.deadlineDays, p.events, now));

  return {
    office: { id: office.id, name: textOf(office.name) },
    from: q.from,
    to: q.to,
    rows: services.map((s) => ({ serviceId: s.id, name: textOf(s.name), ...figures(facts.filter((f) => f.serviceId === s.id)) })),
    total: figures(facts),
    backlog: {
      open: open.length,
      waitingCitizen: open.filter((p) => p.status === 'waiting_citizen').length,
      dueSoon: clocks.filter((c) => !c.paused && c.daysLeft !== null && c.daysLeft >= 0 && c.daysLeft <= DUE_SOON_DAYS).length,
      overdue: clocks.filter((c) => c.daysLeft !== null && c.daysLeft < 0).length,
    },
  };
}
