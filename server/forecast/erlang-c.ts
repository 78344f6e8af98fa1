/**
 * Erlang C (M/M/c): how many counters keep the share of citizens who wait no longer than a target
 * at a chosen level. Arrivals per hour and the mean service time give the offered load
 * a = λ × service time (in "busy counters"); a queue only settles when counters > a.
 *
 * The probability of waiting comes from the Erlang B recursion (B₀ = 1, Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁)),
 * which stays accurate for large loads where the textbook sum of powers and factorials overflows.
 */

/** Probability that an arriving citizen has to wait (0..1); 1 when the counters cannot keep up. */
export function probabilityOfWaiting(counters: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  if (counters <= offeredLoad) return 1;
  let b = 1;
  for (let k = 1; k <= counters; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (counters * b) / (counters - offeredLoad * (1 - b));
}

export interface Workload {
  /** Expected arrivals in one hour. */
  arrivalsPerHour: number;
  /** Mean service time in minutes. */
  serviceMinutes: number;
}

export function offeredLoad({ arrivalsPerHour, serviceMinutes }: Workload): number {
  return (arrivalsPerHour * serviceMinutes) / 60;
}

/** Share of citizens served within `targetMinutes` of waiting with `counters` open (0..1). */
export function serviceLevel(counters: number, work: Workload, targetMinutes: number): number {
  const a = offeredLoad(work);
  if (a <= 0) return 1;
  if (counters <= a) return 0;
  const wait = probabilityOfWaiting(counters, a);
  return 1 - wait * Math.exp((-(counters - a) * targetMinutes) / work.serviceMinutes);
}

/** Mean wait in minutes over all citizens (those served at once count as 0); Infinity when overloaded. */
export function meanWaitMinutes(counters: number, work: Workload): number {
  const a = offeredLoad(work);
  if (a <= 0) return 0;
  if (counters <= a) return Infinity;
  return (probabilityOfWaiting(counters, a) * work.serviceMinutes) / (counters - a);
}

/**
 * The fewest counters whose service level reaches `targetShare` (0..1) for `targetMinutes`;
 * 0 when nobody is expected. Capped at `maxCounters` (the answer is then the cap, and the caller
 * can tell from serviceLevel that the target is out of reach).
 */
export function countersNeeded(work: Workload, targetMinutes: number, targetShare: number, maxCounters = 100): number {
  if (offeredLoad(work) <= 0) return 0;
  for (let c = 1; c <= maxCounters; c++) if (serviceLevel(c, work, targetMinutes) >= targetShare) return c;
  return maxCounters;
}
