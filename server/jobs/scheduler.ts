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

export const MAINTENANCE_QUEUE = 'maintenance';

/**
 * Background jobs through BullMQ, so that with several app processes each job runs once: the
 * day close at local midnight (and once at start, for a server that was off at midnight), the
 * purge of expired and idle staff logins every 10 minutes, the status check of the printers the server drives itself, the print queue (printing/print-queue.ts),
 * the appointments' reminders, no-shows and data retention (appointments/jobs.ts), and the
 * citizens' e-mails about their procedures (procedures/jobs.ts).
 */
export async function startJobs(connection: Redis, timeZone: string, closeAtMidnight = true): Promise<() => Promise<void>> {
  const prefix = rt().keys.bullPrefix();
  const queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  if (closeAtMidnight)
    await queue.upsertJobScheduler(
      'close-day',
      { pattern: '0 0 * * *', tz: timeZone },
      { name: 'close-day', opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  else await queue.removeJobScheduler('close-day');
  await queue.add('close-day', {}, { removeOnComplete: 100, removeOnFail: 100 });
  await queue.upsertJobScheduler(
    'printer-status',
    { every: 30_000 },
    { name: 'printer-status', opts: { removeOnComplete: 10, removeOnFail: 10 } },
  );
  await queue.upsertJobScheduler(
    'purge-sessions',
    { every: 10 * 60_000 },
    { name: 'purge-sessions', opts: { removeOnComplete: 10, removeOnFail: 10 } },
  );
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
  const stopAppointments = await startAppointmentJobs(connection, timeZone);
  // Procedures: the citizens' e-mails (procedures/jobs.ts).
  const stopProcedures = startProcedureJobs(connection);
  return async () => {
    await stopProcedures();
    await stopAppointments();
    await stopPrinting();
    unregisterQueue(queue);
    await worker.close();
    await queue.close();
  };
}
