import type { HomeOffice } from '../contract/home';

export interface DayHours {
  weekday: number;
  ranges: { opens: string; closes: string }[];
}

/** The week's opening ranges grouped by weekday (Monday first), as they come sorted from the server. */
export function groupHours(hours: HomeOffice['hours']): DayHours[] {
  const days = new Map<number, DayHours>();
  for (const h of hours) {
    const day = days.get(h.weekday) ?? { weekday: h.weekday, ranges: [] };
    day.ranges.push({ opens: h.opens, closes: h.closes });
    days.set(h.weekday, day);
  }
  return [...days.values()].sort((a, b) => a.weekday - b.weekday);
}
