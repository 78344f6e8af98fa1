/**
 * The "best time to come" chart as data: weekdays (columns) × hours (rows) of the median wait,
 * with a shade per cell and the quietest hours named. Pure, so it can be unit-tested.
 */
import type { BestTimeCell } from '../contract/waits';

export interface ChartGrid {
  /** ISO weekdays with data, Monday first. */
  weekdays: number[];
  /** Local hours with data, in order (gaps filled, so the rows read as a day). */
  hours: number[];
  cell(weekday: number, hour: number): BestTimeCell | undefined;
  /** Shade 0 (short wait) … 4 (long wait); null without a median. */
  shade(cell: BestTimeCell | undefined): number | null;
  /** The hours with the shortest median waits (at most three), best first. */
  best: BestTimeCell[];
}

/** Wait limits of the shades, minutes: up to 5, 10, 20, 30, more. */
const LIMITS = [5, 10, 20, 30];

export function chartGrid(cells: readonly BestTimeCell[]): ChartGrid {
  const withData = cells.filter((c) => c.medianWaitMinutes !== null);
  const weekdays = [...new Set(withData.map((c) => c.weekday))].sort((a, b) => a - b);
  const known = withData.map((c) => c.hour);
  const hours = known.length
    ? Array.from({ length: Math.max(...known) - Math.min(...known) + 1 }, (_, i) => Math.min(...known) + i)
    : [];
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const best = [...withData].sort((a, b) => a.medianWaitMinutes! - b.medianWaitMinutes! || b.tickets - a.tickets).slice(0, 3);
  return {
    weekdays,
    hours,
    cell: (weekday, hour) => byKey.get(`${weekday}:${hour}`),
    shade: (cell) => {
      if (!cell || cell.medianWaitMinutes === null) return null;
      const i = LIMITS.findIndex((l) => cell.medianWaitMinutes! <= l);
      return i === -1 ? LIMITS.length : i;
    },
    best,
  };
}

/** Weekday names in a language, Monday = 1 (from a known Monday, 2024-01-01). */
export function weekdayName(lang: string, weekday: number, width: 'short' | 'long' = 'short'): string {
  return new Date(Date.UTC(2024, 0, weekday)).toLocaleDateString(lang, { weekday: width, timeZone: 'UTC' });
}
