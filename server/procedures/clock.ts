/**
 * The legal clock of a procedure: the town has `deadlineDays` calendar days from submission, and
 * the time spent waiting for the citizen (from a request for information to their reply) does not
 * count. Computed from the append-only events, so it is the same for the citizen, the clerk and
 * the statistics.
 */
import type { ProcedureStatus } from '../../contract/enums';
import { CLOSED_STATUSES as CLOSED } from '../../contract/procedure-moves';

const DAY_MS = 86_400_000;

export interface ClockEvent {
  at: Date;
  toStatus: ProcedureStatus;
}

export interface LegalClock {
  deadlineDays: number;
  daysUsed: number;
  daysLeft: number | null;
  paused: boolean;
}

/** `events` in the order they happened, the first being the submission. */
export function legalClock(deadlineDays: number, events: readonly ClockEvent[], now: Date): LegalClock {
  if (events.length === 0) return { deadlineDays, daysUsed: 0, daysLeft: deadlineDays, paused: false };
  let runningMs = 0;
  let runningSince: Date | null = events[0].at;
  let closed = false;
  for (const e of events.slice(1)) {
    const stops = e.toStatus === 'waiting_citizen' || CLOSED.includes(e.toStatus);
    if (stops && runningSince) {
      runningMs += e.at.getTime() - runningSince.getTime();
      runningSince = null;
    } else if (!stops && !runningSince) runningSince = e.at;
    closed = CLOSED.includes(e.toStatus);
  }
  if (runningSince) runningMs += Math.max(0, now.getTime() - runningSince.getTime());
  // Whole days elapsed, as deadlines are counted in days.
  const daysUsed = Math.floor(runningMs / DAY_MS);
  return {
    deadlineDays,
    daysUsed,
    daysLeft: closed ? null : deadlineDays - daysUsed,
    paused: !closed && runningSince === null,
  };
}
