/**
 * Each subscription costs database queries (a snapshot), so one socket may not ask for them
 * without end: a token bucket per socket limits the rate, and a cap limits how many rooms one
 * socket listens to. A refused subscription gets an error acknowledgement; the socket stays
 * connected and its other subscriptions keep working.
 */

/** Rooms one socket may listen to at once (a screen needs 1–3: its own, its office's, its login's). */
export const MAX_ROOMS_PER_SOCKET = 12;
/** Burst of subscriptions, then one every REFILL_MS (a screen subscribes once per (re)connect or change). */
export const SUBSCRIBE_BURST = 30;
export const REFILL_MS = 1000;

export class SubscribeBudget {
  private tokens = SUBSCRIBE_BURST;
  private last: number;

  constructor(now: number) {
    this.last = now;
  }

  /** Takes one subscription from the bucket; false when the socket asks too fast. */
  take(now: number): boolean {
    this.tokens = Math.min(SUBSCRIBE_BURST, this.tokens + Math.max(0, now - this.last) / REFILL_MS);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Whether joining `wanted` keeps the socket within the cap (rooms it is already in cost nothing). */
export function withinRoomCap(current: ReadonlySet<string>, ownId: string, wanted: readonly string[]): boolean {
  const joined = [...current].filter((r) => r !== ownId);
  const added = wanted.filter((r) => !current.has(r));
  return joined.length + new Set(added).size <= MAX_ROOMS_PER_SOCKET;
}
