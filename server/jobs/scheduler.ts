import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { rt } from '../runtime';
import { closePastDays } from './close-day';

export const MAINTENANCE_QUEUE = 'maintenance';

/**
 * Background jobs through BullMQ, so that with several app processes each job runs once: the
 * day close at local midnight (and once at start, for a server that was off at midnight).
 */
export async function startJobs(connection: Redis, timeZone: string): Promise<() => Promise<void>> {
  const prefix = rt().keys.bullPrefix();
  const queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  await queue.upsertJobScheduler('close-day', { pattern: '0 0 * * *', tz: timeZone }, { name: 'close-day', opts: { removeOnComplete: 100, removeOnFail: 100 } });
  await queue.add('close-day', {}, { removeOnComplete: 100, removeOnFail: 100 });
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => {
      if (job.name === 'close-day') return { closed: await closePastDays() };
      throw new Error(`Unknown job ${job.name}`);
    },
    { connection: connection.duplicate({ maxRetriesPerRequest: null }), prefix },
  );
  worker.on('failed', (job, err) => console.error(`job ${job?.name} failed`, err));
  return async () => {
    await worker.close();
    await queue.close();
  };
}
