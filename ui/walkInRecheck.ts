/** An office's walk-in status as the screens receive it (server/offices/opening.ts). */
export interface WalkInInfo {
  open: boolean;
  closesAt?: string;
  nextOpensAt?: string;
}

const MAX_MS = 60 * 60_000;
const BEHIND_MS = 15_000;

/**
 * When a screen should look at an office's walk-in status again: one second after the next
 * opening or closing the server announced, and at least hourly (so "tomorrow" becomes "today").
 * Changes of hours or closures are pushed; only the clock needs this. A boundary already past
 * by `now` (a screen clock ahead of the server's) waits 15 s, never a tight loop.
 */
export function walkInRecheckDelay(walkIn: WalkInInfo, now: number): number {
  const next = walkIn.open ? walkIn.closesAt : walkIn.nextOpensAt;
  if (!next) return MAX_MS;
  const wait = Date.parse(next) - now + 1000;
  if (!Number.isFinite(wait)) return MAX_MS;
  return wait > 0 ? Math.min(wait, MAX_MS) : BEHIND_MS;
}
