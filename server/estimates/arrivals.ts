/**
 * Expected arrivals per hour of a coming day: walk-ins from the same weekday of the last weeks,
 * plus the appointments already booked for that day, discounted by how many booked citizens
 * really came in those weeks. Days the office was closed (no arrivals at all) are left out, so a
 * holiday does not drag the mean down.
 */

/** Arrivals per local hour (0–23) of one past day of the same weekday. */
export type HourCounts = ReadonlyMap<number, number>;

export interface ArrivalHistory {
  /** Walk-in tickets issued per hour, one map per past same weekday (most recent first). */
  walkInDays: readonly HourCounts[];
  /** Of the appointments booked on those days, the share that checked in (0..1); undefined = no data. */
  showUpRate?: number;
}

export interface HourForecast {
  hour: number;
  walkIns: number;
  appointments: number;
  total: number;
}

const DEFAULT_SHOW_UP = 0.85;

export function expectedArrivals(history: ArrivalHistory, bookedByHour: HourCounts): HourForecast[] {
  const openDays = history.walkInDays.filter((day) => [...day.values()].some((n) => n > 0));
  const showUp = history.showUpRate ?? DEFAULT_SHOW_UP;
  const hours = new Set<number>([...bookedByHour.keys()]);
  for (const day of openDays) for (const h of day.keys()) hours.add(h);
  return [...hours]
    .sort((a, b) => a - b)
    .map((hour) => {
      const walkIns = openDays.length === 0 ? 0 : openDays.reduce((sum, day) => sum + (day.get(hour) ?? 0), 0) / openDays.length;
      const appointments = (bookedByHour.get(hour) ?? 0) * showUp;
      return { hour, walkIns, appointments, total: walkIns + appointments };
    });
}
