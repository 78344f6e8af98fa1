import type { Queue, Worker } from 'bullmq';
import { log } from '../log';
import { jobFailed } from './metrics';

/**
 * The BullMQ queues of this process, for the admins' job view (Bull Board at /admin/queues) and
 * the job-failure metric. Whoever creates a queue registers it here, with its worker when this
 * process runs one:
 *
 *   registerQueue(printQueue, printWorker);
 *
 * Kept on globalThis like the runtime: a module bundled twice (custom server and Next route
 * handlers) must still see one registry.
 */
type Entry = { queue: Queue; worker?: Worker };
const holder = globalThis as typeof globalThis & {
  __sportelloQueues?: { entries: Map<string, Entry>; listeners: Set<(q: Queue) => void> };
};
const registry = (holder.__sportelloQueues ??= { entries: new Map(), listeners: new Set() });

export function registerQueue(queue: Queue, worker?: Worker): void {
  if (registry.entries.get(queue.name)?.queue === queue) return;
  registry.entries.set(queue.name, { queue, worker });
  worker?.on('failed', (job, err) => {
    jobFailed(queue.name, job?.name ?? 'unknown');
    log.error(
      { err, queue: queue.name, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade },
      `job ${job?.name ?? '?'} failed`,
    );
  });
  for (const fn of registry.listeners) fn(queue);
}

/** Forget a queue (its process part is shutting down). */
export function unregisterQueue(queue: Queue): void {
  if (registry.entries.get(queue.name)?.queue === queue) registry.entries.delete(queue.name);
}

export function registeredQueues(): Queue[] {
  return [...registry.entries.values()].map((e) => e.queue);
}

/** Calls `fn` for every queue registered from now on (Bull Board adds them as they come). */
export function onQueueRegistered(fn: (q: Queue) => void): () => void {
  registry.listeners.add(fn);
  return () => registry.listeners.delete(fn);
}
