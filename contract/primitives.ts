import { DateTime } from 'luxon';
import { z } from './zod';

/**
 * Strict building blocks shared by every schema that takes a date: a value that passes here is a
 * real day of the calendar in a year this system can mean, so nothing downstream (slot building,
 * statistics ranges, the database) ever meets `2026-02-30` or year 1.
 */

/** Years an office can plan or report on. Far outside them a date is a typing mistake or a probe. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for an existing day of the Gregorian calendar, written `YYYY-MM-DD`, within the year range. */
export function isCalendarDay(value: string): boolean {
  if (!DAY_SHAPE.test(value)) return false;
  const d = DateTime.fromISO(value, { zone: 'utc' });
  return d.isValid && d.year >= MIN_YEAR && d.year <= MAX_YEAR && d.toISODate() === value;
}

/** A local calendar day `YYYY-MM-DD` (no time zone: the office's own day). */
export const calendarDay = z
  .string()
  .regex(DAY_SHAPE, 'Use YYYY-MM-DD')
  .refine(isCalendarDay, `Not a day of the calendar between ${MIN_YEAR} and ${MAX_YEAR}`);

export const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);
export const month = z.number().int().min(1).max(12);
export const dayOfMonth = z.number().int().min(1).max(31);

/**
 * True when `day` exists in `month` in some year: 29 February does (in leap years, as a yearly
 * feast does), 30 February and 31 April never.
 */
export function isDayOfMonth(monthNumber: number, day: number): boolean {
  return DateTime.utc(2000, monthNumber, day).isValid; // 2000 is a leap year
}

/** An instant in ISO 8601 with an explicit offset (`2026-03-02T09:00:00+01:00`), in the year range. */
export const instant = z.iso.datetime({ offset: true }).refine((s) => {
  const d = DateTime.fromISO(s, { setZone: true });
  return d.isValid && d.year >= MIN_YEAR && d.year <= MAX_YEAR;
}, `Not a time between ${MIN_YEAR} and ${MAX_YEAR}`);
