/**
 * The procedures' BullMQ queue: one job per event the citizen should hear about, its id the
 * event's, so a job added twice sends one e-mail. Added after the event's transaction commits.
 */
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { log } from '../log';
import { registerQueue, unregisterQueue } from '../ops/queues';
import { rt } from '../runtime';
import { NOTIFIED, sendProcedureMail } from './notify';
import type { ProcedureEventType } from '../../contract/enums';

export const PROCEDURES_QUEUE = 'procedures';

const holder = globalThis as typeof globalThis & { __sportelloProcedureQueue?: { prefix: string; queue: Queue } };

function procedureQueue(): Queue {
  const prefix = rt().keys.bullPrefix();
  const h = holder.__sportelloProcedureQueue;
  if (h && h.prefix === prefix) return h.queue;
  const queue = new Queue(PROCEDURES_QUEUE, { connection: rt().redis, prefix });
  holder.__sportelloProcedureQueue = { prefix, queue };
  return queue;
}

/** Queues the citizen's e-mail for this event; never fails the caller (the event is already stored). */
export function notifyCitizenInBackground(event: { id: bigint; type: ProcedureEventType }): void {
  if (!NOTIFIED.includes(event.type)) return;
  procedureQueue()
    .add(
      'mail',
      { eventId: event.id.toString() },
      {
        jobId: `mail-${event.id}`,
        removeOnComplete: true,
        removeOnFail: 100,
        attempts: 5,
        backoff: { type: 'exponential', delay: 30_000 },
      },
    )
    .catch((err: unknown) => log.error({ err, eventId: event.id.toString() }, 'procedure e-mail not queued'));
}

/** The worker; called by server/jobs/scheduler.ts with the other jobs. */
export function startProcedureJobs(connection: Redis): () => Promise<void> {
  const prefix = rt().keys.bullPrefix();
  const worker = new Worker(
    PROCEDURES_QUEUE,
    async (job) => {
      const { eventId } = job.data as { eventId: string };
      const sent = await sendProcedureMail(BigInt(eventId));
      return { sent: sent !== null };
    },
    { connection: connection.duplicate({ maxRetriesPerRequest: null }), prefix },
  );
  const queue = procedureQueue();
  registerQueue(queue, worker);
  return async () => {
    unregisterQueue(queue);
    await worker.close();
    await queue.close();
    holder.__sportelloProcedureQueue = undefined;
  };
}
