import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { startAppointmentJobs } from '../appointments/jobs';
import { checkServerPrinters } from '../printing/printer-status';
import { startPrintWorker } from '../printing/print-queue';
import { startProcedureJobs } from '../procedures/jobs';
import { purgeExpiredSessions } from '../auth/session';
import { purgeExpiredCitizenSessions } from '../citizens/session';
import { rt } from '../runtime';
import { closePastDays } from './close-day';
import { registerQueue, unregisterQueue } from '../ops/queues';
import { restoreLostSchedules, upsertSchedules, type Schedule } from '../ops/job-schedules';

export const MAINTENANCE_QUEUE = 'maintenance';

export interface RunningJobs {
  stop(): Promise<void>;
  /**
   * Creates again the schedules Redis lost (ops/job-schedules.ts); a day close missed meanwhile
   * runs once (closing past days twice changes nothing). Returns the ids created again.
   */
  restoreLostSchedules(): Promise<string[]>;
}

/**
 * Background jobs through BullMQ, so that with several app processes each job runs once: the
 * day close at local midnight (and once at start, for a server that was off at midnight), the
 * purge of expired and idle staff logins every 10 minutes, the status check of the printers the
 * server drives itself, the print queue (printing/print-queue.ts), the appointments' reminders,
 * no-shows and data retention (appointments/jobs.ts), and the citizens' e-mails about their
 * procedures (procedures/jobs.ts). The repeating ones are schedules (ops/job-schedules.ts),
 * created again when Redis lost them.
 */
export async function startJobs(connection: Redis, timeZone: string, closeAtMidnight = true): Promise<RunningJobs> {
  const prefix = rt().keys.bullPrefix();
  const queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  const schedules: Schedule[] = [
    ...(closeAtMidnight ? [{ queue, id: 'close-day', repeat: { pattern: '0 0 * * *', tz: timeZone }, keep: 100 }] : []),
    { queue, id: 'printer-status', repeat: { every: 30_000 }, keep: 10 },
    { queue, id: 'purge-sessions', repeat: { every: 10 * 60_000 }, keep: 10 },
  ];
  // Once at start too, for a server that was off at midnight.
  const closeDayNow = () => queue.add('close-day', {}, { removeOnComplete: 100, removeOnFail: 100 });
  if (!closeAtMidnight) await queue.removeJobScheduler('close-day');
  await upsertSchedules(schedules);
  await closeDayNow();
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => {
      if (job.name === 'close-day') return { closed: await closePastDays() };
      if (job.name === 'purge-sessions')
        return { purged: await purgeExpiredSessions(), citizens: await purgeExpiredCitizenSessions() };
      if (job.name === 'printer-status') return { checked: await checkServerPrinters() };
      throw new Error(`Unknown job ${job.name}`);
    },
    { connection: connection.duplicate({ maxRetriesPerRequest: null }), prefix },
  );
  // Failures are logged and counted by the registry (Bull Board, /metrics).
  registerQueue(queue, worker);
  const stopPrinting = startPrintWorker(connection);
  // Appointments: reminders, no-shows, personal data retention (appointments/jobs.ts).
  const appointments = await startAppointmentJobs(connection, timeZone);
  // Procedures: the citizens' e-mails (procedures/jobs.ts).
  const stopProcedures = startProcedureJobs(connection);
  const all = [...schedules, ...appointments.schedules];
  return {
    async stop() {
      await stopProcedures();
      await appointments.stop();
      await stopPrinting();
      unregisterQueue(queue);
      await worker.close();
      await queue.close();
    },
    async restoreLostSchedules() {
      const restored = await restoreLostSchedules(all);
      if (restored.includes('close-day')) await closeDayNow();
      return restored;
    },
  };
}
