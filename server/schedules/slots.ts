import { DateTime } from 'luxon';
import { minutesOf, type ClosedDay } from '../../contract/calendar';
import type { LocalizedText } from '../../contract/lang';
import { inEveryLanguage } from '../../i18n/messages';
import { nationalHoliday } from './holidays';

/**
 * Slot generation: pure functions of a schedule, a local day and the clock, so they can be tested
 * on any date (the daylight-saving days in particular) without a database.
 *
 * Every time is built from the office's local wall clock with luxon, never by adding fixed
 * offsets to UTC: 09:00 in Rome is 08:00Z in winter and 07:00Z in summer, including on the two
 * change days. Inside an opening range, slots follow each other in real (elapsed) minutes from the
 * range's local opening instant to its local closing instant: an office that is open across the
 * night of a change gets one hour less of slots in March (that hour does not exist) and one hour
 * more in October (it happens twice, so two distinct slots carry the same wall-clock label);
 * no slot is ever doubled, lost within existing time, or shifted.
 */

export interface OpeningRange {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM", local. */
  opens: string;
  closes: string;
}

export interface ScheduleRule {
  timeZone: string;
  slotMinutes: number;
  capacity: number;
  horizonDays: number;
  minNoticeMinutes: number;
  hours: OpeningRange[];
}

export interface ClosureRules {
  /** Local closures, inclusive local days. */
  closures: { fromDay: string; toDay: string; reason: LocalizedText | null }[];
  patron: { month: number; day: number; name: LocalizedText | null } | null;
}

export type { ClosedDay };

export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
  /** Local wall-clock start, "HH:MM". */
  time: string;
}

/** Calendar arithmetic on local days, without any time zone (a day is a day). */
export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate() as string;
}

export function weekdayOf(day: string): number {
  return DateTime.fromISO(day, { zone: 'utc' }).weekday;
}

/** Every local day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 1000; d = addDays(d, 1)) out.push(d);
  return out;
}

export function localDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() as string;
}

export function localTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm');
}

/** Why the office takes no appointments on a local day: national holiday, patron saint, closure. */
export function closedReason(day: string, rules: ClosureRules): ClosedDay | null {
  const holiday = nationalHoliday(day);
  if (holiday) return { kind: 'holiday', name: inEveryLanguage((m) => m.book.calendar.holidays[holiday.key]) };
  const p = rules.patron;
  if (p && Number(day.slice(5, 7)) === p.month && Number(day.slice(8, 10)) === p.day) {
    return { kind: 'patron', name: p.name ?? inEveryLanguage((m) => m.book.calendar.patronSaint) };
  }
  const c = rules.closures.find((x) => x.fromDay <= day && day <= x.toDay);
  if (c) return { kind: 'closure', name: c.reason ?? inEveryLanguage((m) => m.book.calendar.closure) };
  return null;
}

/** The local instant of a wall-clock time on a local day ("24:00" = the next midnight). */
export function wallClock(day: string, hhmm: string, timeZone: string): DateTime {
  if (hhmm === '24:00') return DateTime.fromISO(`${addDays(day, 1)}T00:00`, { zone: timeZone });
  return DateTime.fromISO(`${day}T${hhmm}`, { zone: timeZone });
}

/**
 * The slots of one local day from the weekly hours, ignoring closures, notice and horizon.
 * Overlapping ranges (an input mistake) do not produce the same slot twice.
 */
export function daySlots(rule: Pick<ScheduleRule, 'timeZone' | 'slotMinutes' | 'hours'>, day: string): SlotTime[] {
  const weekday = weekdayOf(day);
  const ranges = rule.hours.filter((h) => h.weekday === weekday).sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
  const seen = new Set<number>();
  const out: SlotTime[] = [];
  const step = Math.max(1, Math.round(rule.slotMinutes));
  for (const r of ranges) {
    const opens = wallClock(day, r.opens, rule.timeZone);
    const closes = wallClock(day, r.closes, rule.timeZone);
    if (!opens.isValid || !closes.isValid) continue;
    // `plus({ minutes })` is elapsed-time arithmetic in luxon: right across a change of offset.
    for (let s = opens; s.plus({ minutes: step }) <= closes; s = s.plus({ minutes: step })) {
      const ms = s.toMillis();
      if (seen.has(ms)) continue;
      seen.add(ms);
      out.push({ startsAt: s.toJSDate(), endsAt: s.plus({ minutes: step }).toJSDate(), time: s.toFormat('HH:mm') });
    }
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The first and last local day that can be booked now. */
export function bookableDays(rule: Pick<ScheduleRule, 'timeZone' | 'horizonDays'>, now: Date): { first: string; last: string } {
  const today = localDay(now, rule.timeZone);
  return { first: today, last: addDays(today, Math.max(0, rule.horizonDays)) };
}

/** A slot can be booked now: not closed, inside the horizon, far enough ahead. */
export function isBookableStart(rule: ScheduleRule, closures: ClosureRules, startsAt: Date, now: Date): boolean {
  const day = localDay(startsAt, rule.timeZone);
  const { first, last } = bookableDays(rule, now);
  if (day < first || day > last) return false;
  if (startsAt.getTime() < now.getTime() + rule.minNoticeMinutes * 60_000) return false;
  if (closedReason(day, closures)) return false;
  return daySlots(rule, day).some((s) => s.startsAt.getTime() === startsAt.getTime());
}

/** The slot of the schedule that starts at `startsAt`, if it is one. */
export function slotAt(rule: ScheduleRule, startsAt: Date): SlotTime | null {
  return daySlots(rule, localDay(startsAt, rule.timeZone)).find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
}

export interface DayAvailability {
  day: string;
  closed: ClosedDay | null;
  slots: (SlotTime & { free: number })[];
}

/**
 * Free places per slot for local days `from`..`to` (clipped to the bookable window), given how
 * many are booked per slot start (ms → count).
 */
export function availability(
  rule: ScheduleRule,
  closures: ClosureRules,
  from: string,
  to: string,
  booked: Map<number, number>,
  now: Date,
): DayAvailability[] {
  const win = bookableDays(rule, now);
  const start = from < win.first ? win.first : from;
  const end = to > win.last ? win.last : to;
  const earliest = now.getTime() + rule.minNoticeMinutes * 60_000;
  return daysBetween(start, end).map((day) => {
    const closed = closedReason(day, closures);
    if (closed) return { day, closed, slots: [] };
    const slots = daySlots(rule, day)
      .filter((s) => s.startsAt.getTime() >= earliest)
      .map((s) => ({ ...s, free: Math.max(0, rule.capacity - (booked.get(s.startsAt.getTime()) ?? 0)) }));
    return { day, closed: null, slots };
  });
}
