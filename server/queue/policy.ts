import type { Priority } from '../db/generated/enums';

/**
 * The "call next" ordering rule, as plain numbers so it can be explained to an office manager:
 *
 *   rank = arrival time − priority head start − skill head start − direct head start
 *
 * and the ticket with the lowest rank is called. A head start works as if the ticket had arrived
 * that many minutes earlier:
 * - priority: disability 15 min, pregnancy and elderly 10 min, none 0;
 * - skill: a clerk's weight w (1–5) on a service gives (w − 1) × 5 min to that service's tickets,
 *   so a clerk leans toward their specialities without ignoring the rest;
 * - direct: a ticket transferred to this counter or this clerk personally gets 120 min, so it
 *   comes next in practice.
 * No starvation: every head start is bounded (at most 15 + 20 + 120 min), so a ticket that has
 * waited longer than the largest head start beats every ticket that arrives after it; in the
 * common case (no direct transfer) a normal ticket is overtaken for at most 35 minutes.
 *
 * Appointments: a checked-in appointment's "arrival time" is its booked time (`queueTime`, stored
 * as the ticket's queuedAt at check-in), with no head start. So from its booked time on it is
 * ahead of every walk-in of the same service who arrives later, and among appointments the
 * earlier booking goes first. A citizen who checks in early waits for that time: a ticket whose
 * rank lies in the future is not callable yet (`isCallable`, applied by call_next.lua), so
 * "call next" never takes an early appointment before its slot. Walk-ins always rank at or
 * before "now", so this changes nothing for them. Transfers keep queuedAt, hence the booked time.
 */
export const PRIORITY_HEAD_START_MINUTES: Record<Priority, number> = {
  none: 0,
  elderly: 10,
  pregnancy: 10,
  disability: 15,
  appointment: 0,
};
export const SKILL_HEAD_START_MINUTES_PER_WEIGHT = 5;
export const DIRECT_HEAD_START_MINUTES = 120;
export const MAX_SKILL_WEIGHT = 5;

const MINUTE = 60_000;

/** Score stored in Redis for a waiting ticket; lower is called first. (Epoch ms too: the estimator's runs create no Dates.) */
export function queueScore(queuedAt: Date | number, priority: Priority): number {
  return (typeof queuedAt === 'number' ? queuedAt : queuedAt.getTime()) - PRIORITY_HEAD_START_MINUTES[priority] * MINUTE;
}

/**
 * The time a ticket ranks by (its queuedAt): the arrival for a walk-in, the booked time for a
 * checked-in appointment — even when the citizen arrived earlier or a little later.
 */
export function queueTime(arrivedAt: Date, appointmentAt?: Date | null): Date {
  return appointmentAt ?? arrivedAt;
}

/** A waiting ticket may be called once its rank time has come (only appointments can be ahead of it). */
export function isCallable(score: number, nowMs: number): boolean {
  return score <= nowMs;
}

/** Head start (ms) a clerk's skill weight gives to a service queue. */
export function skillBoostMs(weight: number): number {
  const w = Math.min(Math.max(Math.round(weight), 1), MAX_SKILL_WEIGHT);
  return (w - 1) * SKILL_HEAD_START_MINUTES_PER_WEIGHT * MINUTE;
}

export const DIRECT_BOOST_MS = DIRECT_HEAD_START_MINUTES * MINUTE;

export interface Candidate {
  id: string;
  score: number;
  boostMs: number;
}

/** The same choice the Lua script makes, for tests and for listing a counter's waiting order. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  const d = a.score - a.boostMs - (b.score - b.boostMs);
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function pickNext(candidates: Candidate[]): Candidate | undefined {
  return [...candidates].sort(compareCandidates)[0];
}
