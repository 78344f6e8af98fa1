import { DateTime } from 'luxon';

/**
 * The UTC instants that bound the local days [from, to] in the office's time zone: a day is
 * 23 or 25 hours long at the daylight-saving changes, never a fixed 24.
 */
export function rangeBounds(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day');
  if (!start.isValid || !end.isValid) throw new Error(`Invalid range or time zone ${timeZone}`);
  return { start: start.toJSDate(), end: end.toJSDate() };
}
