/** What the citizen home page shows of the offices: address, open now or not, and the week's hours. */
import type { HomeOffice, OpeningRange } from '../../contract/home';
import { minutesOf } from '../../contract/calendar';
import { textOf } from '../db/texts';
import { rt } from '../runtime';
import { walkInStatusAt } from './opening';
import { walkInRules, walkInRulesInclude } from './walk-in';

export async function homeOffices(now = new Date()): Promise<HomeOffice[]> {
  const offices = await rt().db.office.findMany({
    orderBy: [{ isOneStop: 'desc' }, { sortOrder: 'asc' }, { slug: 'asc' }],
    include: {
      ...walkInRulesInclude(now),
      schedules: { where: { active: true }, select: { hours: { select: { weekday: true, opens: true, closes: true } } } },
    },
  });
  return offices.map((o) => ({
    id: o.id,
    name: textOf(o.name),
    address: o.address,
    timeZone: o.timeZone,
    walkIn: walkInStatusAt(walkInRules(o), now),
    hours: mergeRanges(o.hours),
    appointmentHours: mergeRanges(o.schedules.flatMap((s) => s.hours)),
  }));
}

/** Ranges sorted by weekday and time, overlapping or touching ones of a day joined. */
export function mergeRanges(ranges: OpeningRange[]): OpeningRange[] {
  const sorted = ranges
    .map((r) => ({ weekday: r.weekday, opens: r.opens, closes: r.closes }))
    .sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens));
  const out: OpeningRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && last.weekday === r.weekday && minutesOf(r.opens) <= minutesOf(last.closes)) {
      if (minutesOf(r.closes) > minutesOf(last.closes)) last.closes = r.closes;
    } else out.push(r);
  }
  return out;
}
