import type { Counter } from '../db/generated/client';
import { announcedCache } from '../realtime/announced-cache';

/** What call next needs of a counter that rarely changes: the counter and its clerk's skill weights (`[serviceId, weight]`). */
export interface CounterForCall {
  counter: Counter;
  skills: [string, number][];
}

/** What the app processes tell each other about counters. */
export interface CountersChanged {
  /** Counters opened, closed, paused, resumed, renamed, given other services or deleted. */
  counterIds: string[];
  /** Staff members whose skills changed (the counter they sit at is read again). */
  staffIds: string[];
}

/** Read again from the database after this long in any case (a counter changed by hand in SQL). */
const COUNTER_CACHE_MAX_AGE_MS = 30_000;

/**
 * Counters as call next last read them, so that a clerk's every call does not read the counter
 * and the skills again (issue 10: one of a visit's three statements). Safe to be stale for what
 * the call's own statement checks again (counters/calls.ts confirmCall: open, this clerk's, the
 * same services, idle); a refusal, or "nobody waiting", is never answered on a kept counter
 * (calls.ts reads it again first: a busy counter with an empty queue is still busy). The skills
 * and the counter's name are not checked again: every change of them is announced
 * (realtime/announced-cache.ts says when the cache is trusted).
 */
const counterCache = announcedCache<CounterForCall, CountersChanged>(
  'counters',
  COUNTER_CACHE_MAX_AGE_MS,
  (cache, { counterIds, staffIds }) => {
    if (counterIds.length) cache.forget(counterIds);
    if (staffIds.length) {
      const ids = new Set(staffIds);
      cache.forgetWhere(({ counter }) => counter.staffId !== null && ids.has(counter.staffId));
    }
  },
);

export const keptCounterForCall = (counterId: string, nowMs = Date.now()) => counterCache.get(counterId, nowMs);
export const counterCacheGeneration = () => counterCache.generation();
export const keepCounterForCall = (read: CounterForCall, generation: number, nowMs = Date.now()) =>
  counterCache.remember(read.counter.id, read, generation, nowMs);

/** After the commit of a change of counters or of skills: forgotten here and on the other processes. */
export function countersChanged({ counterIds = [], staffIds = [] }: Partial<CountersChanged>): void {
  if (counterIds.length || staffIds.length) counterCache.announce({ counterIds, staffIds });
}
