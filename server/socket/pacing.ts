/**
 * Spreads the subscriptions' answers over turns of the event loop: at most BYTES_PER_TURN of
 * answers are written in one turn, the rest wait for the next. After a restart thousands of
 * screens subscribe within seconds and their look-ups are shared (socket/batched.ts), so
 * hundreds of answers — 2,000 displays' 44 KB snapshots, 88 MB — became ready in the same turn
 * and were written in one burst, stalling every other screen's updates meanwhile (issue 10: the
 * storm's event-loop lag).
 */
export const BYTES_PER_TURN = 1024 * 1024;
/**
 * An answer costs at least this much of a turn, whatever its size: writing to a socket costs a
 * system call and its bookkeeping however small the answer, so a turn holds at most 64 of them
 * (a phone's ticket is a kilobyte: 1,000 of them used to go in one turn).
 */
export const MIN_ANSWER_BYTES = BYTES_PER_TURN / 64;

interface Waiting {
  bytes: number;
  go: () => void;
}

/**
 * The answers still waiting, in the order they came, released by one callback per turn. Each
 * used to wait for the next turn on its own and check again, so every turn woke every waiting
 * answer: with 2,000 displays' snapshots spread over 90 turns, about 90,000 wake-ups and their
 * promises (issue 10's storm profile: garbage collection 2.5 s before, 1.8 s after).
 */
let waiting: Waiting[] = [];
let spent = 0;
let turnScheduled = false;

const fits = (bytes: number) => spent === 0 || spent + bytes <= BYTES_PER_TURN;

function scheduleTurn(): void {
  if (turnScheduled) return;
  turnScheduled = true;
  // Queued before any waiter of this turn, so it runs first in the next one.
  setImmediate(nextTurn);
}

function nextTurn(): void {
  turnScheduled = false;
  spent = 0;
  if (waiting.length === 0) return;
  const still: Waiting[] = [];
  for (const w of waiting) {
    if (fits(w.bytes)) {
      spent += w.bytes;
      w.go();
    } else still.push(w);
  }
  waiting = still;
  scheduleTurn();
}

/** Resolves when an answer of about `bytes` may be written in this turn (the first one always may). */
export function paced(size: number): Promise<void> {
  const bytes = Math.max(size, MIN_ANSWER_BYTES);
  scheduleTurn();
  if (fits(bytes)) {
    spent += bytes;
    return Promise.resolve();
  }
  return new Promise((go) => void waiting.push({ bytes, go }));
}
