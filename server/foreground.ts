import type http from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { processShared } from './runtime';

/**
 * Requests first. Work nobody is waiting on right now (the office feed's passes, and the wait
 * estimate played forward where it has no thread of its own: estimates/estimate-thread.ts) runs
 * in slices, and between slices it gives way to the API requests under way, up to
 * MAX_GIVE_WAY_MS at a time so it still moves on under constant load.
 *
 * Yielding one turn was not enough: a call next goes through the event loop several times (HTTP,
 * Redis, PostgreSQL, the emit), and at each of them a slice of the feed ran first. With a feed
 * pass under way a call to the displays took 30–45 ms instead of 7 (issue 10: the displays' p99).
 */
export const MAX_GIVE_WAY_MS = 25;

interface Foreground {
  inFlight: number;
  idle: (() => void)[];
}

// Shared by the module copies of the custom server and the route handlers.
const state = processShared<Foreground>('foreground', () => ({ inFlight: 0, idle: [] }));

/**
 * Counts `res`'s request as under way. The caller calls the function returned once its answer is
 * written (a slow client still reading a download keeps no background work waiting); a
 * connection gone before that ends it too. Calling it more than once counts once.
 */
export function trackRequest(res: http.ServerResponse): () => void {
  state.inFlight++;
  let done = false;
  const end = () => {
    if (done) return;
    done = true;
    res.off('close', end);
    if (--state.inFlight === 0) for (const wake of state.idle.splice(0)) wake();
  };
  res.once('close', end);
  return end;
}

export function requestsInFlight(): number {
  return state.inFlight;
}

/** Lets the event loop through once, then waits while requests are under way (at most `maxMs`). */
export async function giveWay(maxMs = MAX_GIVE_WAY_MS): Promise<void> {
  await nextTurn();
  if (state.inFlight === 0) return;
  await new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      state.idle.splice(state.idle.indexOf(wake), 1);
      resolve();
    }, maxMs);
    state.idle.push(wake);
  });
}
