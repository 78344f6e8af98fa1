import type { Queue, RepeatOptions } from 'bullmq';

/**
 * A repeating job (the day close, the session purge, the appointments' sweep, …). BullMQ keeps it
 * in Redis, so a Redis that lost its data — restarted without persistence, which Sportello allows,
 * or flushed — loses it too, and with it every run until the app is restarted.
 */
export interface Schedule {
  queue: Queue;
  /** Also the name of the jobs it makes (what the worker switches on). */
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  /** How many finished jobs BullMQ keeps, completed and failed each (Bull Board shows them). */
  keep: number;
}

function upsert(s: Schedule) {
  return s.queue.upsertJobScheduler(s.id, s.repeat, { name: s.id, opts: { removeOnComplete: s.keep, removeOnFail: s.keep } });
}

/** At start: every schedule as configured now (an upsert replaces one whose setting changed). */
export async function upsertSchedules(schedules: Schedule[]): Promise<void> {
  for (const s of schedules) await upsert(s);
}

/**
 * The schedules Redis no longer has, created again (run by the reconciler: on every Redis
 * reconnect and every RECONCILE_INTERVAL_SECONDS). Only the missing ones: upserting one that
 * exists could move its next run. Returns the ids created again.
 */
export async function restoreLostSchedules(schedules: Schedule[]): Promise<string[]> {
  const restored: string[] = [];
  for (const s of schedules) {
    if (await s.queue.getJobScheduler(s.id)) continue;
    await upsert(s);
    restored.push(s.id);
  }
  return restored;
}
