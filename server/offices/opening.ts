import { minutesOf } from '../../contract/calendar';
import { DateTime } from 'luxon';
import {
  addDays,
  closedReason,
  localDay,
  wallClock,
  weekdayOf,
  type ClosedDay,
  type ClosureRules,
  type OpeningRange,
} from '../schedules/slots';

/**
 * Walk-in opening hours of an office: may the kiosk issue a ticket now, until when, and when does
 * it open again. Pure functions of the rules and the clock (tested on the daylight-saving days).
 *
 * Times come from the office's local wall clock with luxon, like appointment slots; the last-ticket
 * margin is subtracted in elapsed minutes, so it stays right on a change night. Closed days
 * (national holidays, the patron saint, local closures) are decided by `closedReason`, the same
 * rule appointment slots use. No hours at all means always open: an office that never set them
 * keeps issuing tickets as before.
 */

export type WalkInReason = 'outside_hours' | 'closure' | 'holiday' | 'patron_day' | 'last_ticket_passed';

export interface WalkInRules {
  timeZone: string;
  hours: OpeningRange[];
  /** Tickets stop this many minutes before each closing. */
  lastTicketMinutes: number;
  closures: ClosureRules;
}

export interface WalkInStatus {
  open: boolean;
  /** While open: when the last ticket can be taken (the range's closing minus the margin). */
  closesAt?: string;
  /** While closed: the next instant tickets are issued again (absent if none within a year). */
  nextOpensAt?: string;
  reason?: WalkInReason;
}

/** How far ahead the next opening is looked for (closures can be long, but not endless). */
const SEARCH_DAYS = 400;

interface Window {
  opens: DateTime;
  /** The range's closing minus the last-ticket margin. */
  lastTicket: DateTime;
  closes: DateTime;
}

/** The ticket windows of a local day from the weekly hours, ignoring closed days. */
function dayWindows(rules: WalkInRules, day: string): Window[] {
  const weekday = weekdayOf(day);
  return rules.hours
    .filter((h) => h.weekday === weekday)
    .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens))
    .map((h) => {
      const opens = wallClock(day, h.opens, rules.timeZone);
      const closes = wallClock(day, h.closes, rules.timeZone);
      return { opens, closes, lastTicket: closes.minus({ minutes: Math.max(0, rules.lastTicketMinutes) }) };
    })
    .filter((w) => w.opens.isValid && w.closes.isValid);
}

const REASON: Record<ClosedDay['kind'], WalkInReason> = { holiday: 'holiday', patron: 'patron_day', closure: 'closure' };

/** The first instant after `now` at which tickets are issued again. */
export function nextOpening(rules: WalkInRules, now: Date): DateTime | null {
  const t = now.getTime();
  const today = localDay(now, rules.timeZone);
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const day = addDays(today, i);
    if (closedReason(day, rules.closures)) continue;
    // A range shorter than the margin never issues a ticket.
    const w = dayWindows(rules, day).find((x) => x.opens.toMillis() > t && x.lastTicket > x.opens);
    if (w) return w.opens;
  }
  return null;
}

export function walkInStatusAt(rules: WalkInRules, now: Date): WalkInStatus {
  if (rules.hours.length === 0) return { open: true };
  const t = now.getTime();
  const today = localDay(now, rules.timeZone);
  const closed = closedReason(today, rules.closures);
  let reason: WalkInReason = closed ? REASON[closed.kind] : 'outside_hours';
  if (!closed) {
    for (const w of dayWindows(rules, today)) {
      if (w.opens.toMillis() <= t && t < w.lastTicket.toMillis())
        return { open: true, closesAt: w.lastTicket.toUTC().toISO() ?? undefined };
      if (w.lastTicket.toMillis() <= t && t < w.closes.toMillis() && w.opens.toMillis() <= t) reason = 'last_ticket_passed';
    }
  }
  const next = nextOpening(rules, now);
  return { open: false, reason, ...(next ? { nextOpensAt: next.toUTC().toISO() ?? undefined } : {}) };
}
