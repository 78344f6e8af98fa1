import { Queue, Worker, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { log } from '../log';
import { registerQueue, unregisterQueue } from '../ops/queues';
import { rt } from '../runtime';
import { upsertSchedules, type Schedule } from '../ops/job-schedules';
import { expireOverduePending, expirePendingBooking } from './confirm';
import { markNoShow, markOverdueNoShows } from './no-show';
import { sendReminder } from './reminders';
import { erasePastPersonalData } from './retention';

/**
 * The appointments' BullMQ queue. Per appointment, delayed jobs with deterministic ids (the id,
 * the booked start and the kind), so that cancelling or moving removes exactly those jobs and the
 * new time gets its own:
 *   reminder-<id>-<start ms>-<hours>h   at start − hours (only with an e-mail address)
 *   noshow-<id>-<start ms>              at start + CHECKIN_LATE_MINUTES
 *   expire-<id>                         at the hold's end of a pending (unconfirmed) online booking
 * Pending bookings get no reminder and no no-show job until they are confirmed.
 * Plus two repeatable jobs: `sweep` every 5 minutes (marks overdue no-shows, releases overdue
 * pending bookings and re-adds missing delayed jobs, in case Redis lost them) and `retention` every night (erases personal data).
 * Every job checks the database again before acting, so a late or repeated job does no harm.
 */
export const APPOINTMENTS_QUEUE = 'appointments';
const SWEEP_EVERY_MS = 5 * 60_000;

type Timed = { id: string; startsAt: Date };
type Schedulable = Timed & { email: string | null; status: string };

export const reminderJobId = (a: Timed, hours: number) => `reminder-${a.id}-${a.startsAt.getTime()}-${hours}h`;
export const noShowJobId = (a: Timed) => `noshow-${a.id}-${a.startsAt.getTime()}`;
export const expiryJobId = (a: { id: string }) => `expire-${a.id}`;

const holder = globalThis as typeof globalThis & { __sportelloAppointmentQueue?: { prefix: string; queue: Queue } };

/** The queue (one per process, shared by the custom server and the route handlers). */
export function appointmentQueue(): Queue {
  const prefix = rt().keys.bullPrefix();
  const h = holder.__sportelloAppointmentQueue;
  if (h && h.prefix === prefix) return h.queue;
  const queue = new Queue(APPOINTMENTS_QUEUE, { connection: rt().redis, prefix });
  holder.__sportelloAppointmentQueue = { prefix, queue };
  return queue;
}

export async function closeAppointmentQueue(): Promise<void> {
  const h = holder.__sportelloAppointmentQueue;
  holder.__sportelloAppointmentQueue = undefined;
  await h?.queue.close();
}

const jobOpts = (jobId: string, at: number, now: number): JobsOptions => ({
  jobId,
  delay: Math.max(0, at - now),
  removeOnComplete: true,
  removeOnFail: 100,
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
});

/** Adds the reminder and no-show jobs of a booked appointment (existing ids are left as they are). */
export async function scheduleAppointmentJobs(a: Schedulable, now = new Date()): Promise<void> {
  if (a.status !== 'booked') return;
  const { config } = rt();
  const q = appointmentQueue();
  const start = a.startsAt.getTime();
  const data = { appointmentId: a.id, startsAt: a.startsAt.toISOString() };
  if (a.email) {
    for (const hours of config.appointments.reminderHours) {
      const at = start - hours * 3600_000;
      // A reminder whose time has passed already (booked at short notice) is not sent.
      if (at <= now.getTime()) continue;
      await q.add('reminder', { ...data, hours }, jobOpts(reminderJobId(a, hours), at, now.getTime()));
    }
  }
  const noShowAt = start + config.appointments.checkinLateMinutes * 60_000;
  await q.add('no-show', data, jobOpts(noShowJobId(a), noShowAt, now.getTime()));
}

/** Removes the delayed jobs of an appointment at a given start (cancelled, moved, checked in). */
export async function removeAppointmentJobs(a: Timed): Promise<void> {
  const q = appointmentQueue();
  const ids = [...rt().config.appointments.reminderHours.map((h) => reminderJobId(a, h)), noShowJobId(a)];
  await Promise.all(ids.map((id) => q.remove(id)));
}

/** The same, never failing the caller: every job re-checks the database anyway. */
export function rescheduleInBackground(remove: Timed | null, add: Schedulable | null, now = new Date()): void {
  void (async () => {
    if (remove) await removeAppointmentJobs(remove);
    if (add) await scheduleAppointmentJobs(add, now);
  })().catch((err: unknown) => log.warn({ err }, 'appointment jobs not updated; the sweep will catch up'));
}

/** The release of a pending booking at the end of its hold; never failing the caller (the sweep catches up). */
export function scheduleExpiryInBackground(a: { id: string; holdUntil: Date | null }, now = new Date()): void {
  if (!a.holdUntil) return;
  const at = a.holdUntil.getTime();
  void appointmentQueue()
    .add('expire-pending', { appointmentId: a.id }, jobOpts(expiryJobId(a), at, now.getTime()))
    .catch((err: unknown) => log.warn({ err }, 'expiry job not added; the sweep will release the place'));
}

/** Re-adds the jobs of upcoming booked appointments that Redis may have lost. */
export async function ensureUpcomingJobs(now = new Date()): Promise<number> {
  const { db, config } = rt();
  const aheadMs = (Math.max(0, ...config.appointments.reminderHours) + 1) * 3600_000;
  const upcoming = await db.appointment.findMany({
    where: {
      status: 'booked',
      startsAt: {
        gt: new Date(now.getTime() - config.appointments.checkinLateMinutes * 60_000),
        lt: new Date(now.getTime() + aheadMs),
      },
    },
    select: { id: true, startsAt: true, email: true, status: true },
  });
  for (const a of upcoming) await scheduleAppointmentJobs(a, now);
  return upcoming.length;
}

/** Worker and repeatable jobs; called by server/jobs/scheduler.ts with the other jobs. */
export async function startAppointmentJobs(
  connection: Redis,
  timeZone: string,
): Promise<{ stop: () => Promise<void>; schedules: Schedule[] }> {
  const prefix = rt().keys.bullPrefix();
  const queue = appointmentQueue();
  const schedules: Schedule[] = [
    { queue, id: 'sweep', repeat: { every: SWEEP_EVERY_MS }, keep: 10 },
    { queue, id: 'retention', repeat: { pattern: '30 3 * * *', tz: timeZone }, keep: 10 },
  ];
  await upsertSchedules(schedules);
  const worker = new Worker(
    APPOINTMENTS_QUEUE,
    async (job) => {
      const data = job.data as { appointmentId?: string; startsAt?: string; hours?: number };
      switch (job.name) {
        case 'reminder':
          return { sent: await sendReminder(String(data.appointmentId), Number(data.hours), new Date(String(data.startsAt))) };
        case 'no-show':
          return { marked: await markNoShow(String(data.appointmentId)) };
        case 'expire-pending':
          return { expired: await expirePendingBooking(String(data.appointmentId)) };
        case 'sweep':
          return {
            noShows: await markOverdueNoShows(),
            expired: await expireOverduePending(),
            ensured: await ensureUpcomingJobs(),
          };
        case 'retention':
          return { erased: await erasePastPersonalData() };
        default:
          throw new Error(`Unknown job ${job.name}`);
      }
    },
    { connection: connection.duplicate({ maxRetriesPerRequest: null }), prefix },
  );
  registerQueue(queue, worker);
  const stop = async () => {
    unregisterQueue(queue);
    await worker.close();
    await closeAppointmentQueue();
  };
  return { stop, schedules };
}
