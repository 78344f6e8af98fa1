import { counterQueuesMany } from '../queue/counter-queues';
import { walkInStatusAt } from '../offices/opening';
import { walkInRules, walkInRulesInclude } from '../offices/walk-in';
import { sql } from '../db/sql';
import type { Priority } from '../db/generated/enums';
import { giveWay } from '../foreground';
import { rt } from '../runtime';
import { localDay } from '../schedules/slots';
import { officeCalibration, recordShown } from './calibration';
import { officeHistory } from './office-history';
import { localMinutes } from './local-minutes';
import type { PlainWaitState } from './estimate-thread';
import { estimateOnThread } from './estimate-on-thread';
import { estimateWaitsInSlices, type OfficeWaits } from './wait-model';

/**
 * The wait estimates of one office now: every waiting ticket's, for each of `probes` the wait
 * of somebody taking a ticket now (with each priority), and for each appointment that may check in
 * now the wait of its citizen. Reads the live state in one round of parallel queries (waiting
 * tickets, staffed counters with their clerks' skills, visits in progress and whether a called
 * citizen was recalled, appointments still to come today, the walk-in hours), the office's history
 * (cached, history.ts) and the measured calibration from past errors (cached, calibration.ts), then
 * plays the office forward (wait-model.ts). Run by the office feed once per batch of changes, and
 * for a ticket's own answer.
 */

interface WaitingRow {
  id: string;
  serviceId: string;
  priority: Priority;
  queuedAt: Date;
  targetCounterId: string | null;
  targetStaffId: string | null;
}

const RULES_CACHE_MS = 60_000;
const rulesCache = new Map<string, { at: number; office: Awaited<ReturnType<typeof loadOffice>> }>();

function loadOffice(officeId: string, now: Date) {
  return rt().db.office.findUniqueOrThrow({ where: { id: officeId }, include: walkInRulesInclude(now) });
}

async function officeRules(officeId: string, now: Date) {
  const hit = rulesCache.get(officeId);
  const t = now.getTime();
  if (hit && t >= hit.at && t - hit.at < RULES_CACHE_MS) return hit.office;
  const office = await loadOffice(officeId, now);
  rulesCache.set(officeId, { at: t, office });
  return office;
}

export async function officeWaits(officeId: string, now = new Date(), probes: readonly string[] = []): Promise<OfficeWaits> {
  const { db, config } = rt();
  const office = await officeRules(officeId, now);
  const tz = office.timeZone;
  const today = localDay(now, tz);
  const lateMs = config.appointments.checkinLateMinutes * 60_000;
  const dayStart = new Date(now.getTime() - localMinutes(tz)(now.getTime()) * 60_000);
  const [historyEntry, calibration, waiting, all, busy, appointments, pausedToday, walkInsToday] = await Promise.all([
    officeHistory(officeId, tz, now, today),
    officeCalibration(officeId, now),
    // Plain SQL (db/sql.ts): thousands of rows in a long queue, which Prisma's client maps one by
    // one on the main thread. A stable order: the runs draw service times ticket by ticket, so
    // the same queue gets the same answer.
    sql(db).$queryRaw<WaitingRow[]>`
      SELECT id, "serviceId", priority::text AS priority, "queuedAt", "targetCounterId", "targetStaffId"
      FROM "Ticket" WHERE "officeId" = ${officeId} AND status = 'waiting'
      ORDER BY "queuedAt", "issuedAt", number`,
    db.counter.findMany({
      where: { officeId },
      select: { id: true, officeId: true, staffId: true, serviceIds: true, state: true, pausedAt: true },
      orderBy: { number: 'asc' },
    }),
    db.ticket.findMany({
      where: { officeId, status: { in: ['called', 'serving'] } },
      select: {
        counterId: true,
        serviceId: true,
        calledAt: true,
        status: true,
        // The last recall (recallCount would count one of a visit before a transfer too).
        events: { where: { type: 'recalled' }, select: { at: true }, orderBy: { at: 'desc' }, take: 1 },
      },
    }),
    db.appointment.findMany({
      where: { officeId, day: today, status: 'booked', startsAt: { gte: new Date(now.getTime() - lateMs) } },
      select: { serviceId: true, startsAt: true },
      orderBy: [{ startsAt: 'asc' }, { serviceId: 'asc' }],
    }),
    db.counterEvent.findMany({
      where: { officeId, type: 'paused', at: { gte: dayStart, lte: now } },
      select: { counterId: true },
    }),
    db.ticket.count({ where: { officeId, day: today, priority: { not: 'appointment' }, issuedAt: { lte: now } } }),
  ]);
  const counters = all.filter((c) => c.state !== 'closed' && c.staffId !== null);
  const closed = all.filter((c) => c.state === 'closed');
  const queues = await counterQueuesMany(counters);
  const busyAt = new Map(busy.filter((b) => b.counterId && b.calledAt).map((b) => [b.counterId!, b]));
  const walkIn = walkInStatusAt(walkInRules(office), now);
  const state: PlainWaitState = {
    now: now.getTime(),
    closedCounters: closed.map((c) => c.id),
    pausedToday: pausedToday.reduce((m, p) => m.set(p.counterId, (m.get(p.counterId) ?? 0) + 1), new Map<string, number>()),
    counters: counters.flatMap((c) => {
      const q = queues.get(c.id);
      if (!q) return [];
      const b = busyAt.get(c.id);
      return [
        {
          id: c.id,
          staffId: q.staffId,
          services: q.services,
          paused: c.state === 'paused',
          pausedAt: c.pausedAt?.getTime() ?? null,
          busy: b
            ? {
                serviceId: b.serviceId,
                calledAt: b.calledAt!.getTime(),
                recalled: b.status === 'called' && (b.events[0]?.at.getTime() ?? -Infinity) >= b.calledAt!.getTime(),
              }
            : null,
        },
      ];
    }),
    waiting: waiting.map((t) => ({ ...t, queuedAt: t.queuedAt.getTime() })),
    appointments: appointments.map((a) => ({ serviceId: a.serviceId, startsAt: a.startsAt.getTime() })),
    checkInsUntil: now.getTime() + config.appointments.checkinEarlyMinutes * 60_000,
    walkInsToday,
    walkInUntil: walkIn.open ? (walkIn.closesAt ? Date.parse(walkIn.closesAt) : Infinity) : null,
    probes,
  };
  const result = await estimateOnThread(rt().estimateThread, [officeId, tz, historyEntry, state, calibration], () =>
    estimateWaitsInSlices({ ...state, minuteOf: localMinutes(tz), history: historyEntry.history }, calibration, {
      // Requests first: a call next must not wait for the estimate's slices (foreground.ts).
      between: giveWay,
    }),
  );
  await recordShown(officeId, result.tickets, now);
  return result;
}
