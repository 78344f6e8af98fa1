import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Spreads the subscriptions' answers over turns of the event loop: at most BYTES_PER_TURN of
 * answers are written in one turn, the rest wait for the next. After a restart thousands of
 * screens subscribe within seconds and their look-ups are shared (socket/batched.ts), so
 * hundreds of answers — 2,000 displays' 44 KB snapshots, 88 MB — became ready in the same turn
 * and were written in one burst, stalling every other screen's updates meanwhile (issue 10: the
 * storm's event-loop lag).
 */
export const BYTES_PER_TURN = 1024 * 1024;

let spent = 0;
let resetScheduled = false;

function scheduleReset(): void {
  if (resetScheduled) return;
  resetScheduled = true;
  // Queued before any waiter of this turn, so it runs first in the next one.
  setImmediate(() => {
    spent = 0;
    resetScheduled = false;
  });
}

/** Resolves when an answer of about `bytes` may be written in this turn (the first one always may). */
export async function paced(bytes: number): Promise<void> {
  for (;;) {
    scheduleReset();
    if (spent === 0 || spent + bytes <= BYTES_PER_TURN) {
      spent += bytes;
      return;
    }
    await nextTurn();
  }
}
