/**
 * The usual wait formula (people ahead × average minutes ÷ open counters, with a fixed 80–100 %
 * band), kept as the stand-in when no open counter serves a service, for a ticket's place in line
 * and as the baseline the day simulator measures the new estimate against (sim/estimators.ts).
 * The estimate the screens show is server/estimates (queueInfos in estimates/queue-infos.ts).
 */

export function estimateMinutes(ahead: number, averageMinutes: number, openCounters: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * averageMinutes) / Math.max(1, openCounters));
}

export function bandLow(estimate: number): number {
  return Math.floor(estimate * 0.8);
}

/**
 * The services whose tickets compete with each service for the same counters: every service of
 * every open counter that serves it (itself alone when no counter serves it). A citizen is behind
 * all better-ranked tickets of these services, not only of their own.
 */
export function competingServices(openCounterServices: string[][]): (serviceId: string) => string[] {
  const union = new Map<string, Set<string>>();
  for (const services of openCounterServices) {
    for (const s of services) {
      const set = union.get(s) ?? new Set<string>();
      for (const other of services) set.add(other);
      union.set(s, set);
    }
  }
  return (serviceId) => [...(union.get(serviceId) ?? [serviceId])];
}
