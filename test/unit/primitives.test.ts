import { availabilityQuery, bookInput, rescheduleInput } from '../../contract/appointments';
import { closureInput } from '../../contract/schedules';
import { statsQuery } from '../../contract/stats';
import { describe, expect, it } from 'vitest';
import { calendarDay, instant, isCalendarDay, isDayOfMonth, year } from '../../contract/primitives';

describe('calendarDay', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29', '2026-04-30']) expect(isCalendarDay(d)).toBe(true);
  });

  it('refuses impossible days, other shapes and years outside the range', () => {
    for (const d of [
      '2026-02-30',
      '2026-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2100-02-29',
      '0000-01-01',
      '0001-01-01',
      '1999-12-31',
      '2101-01-01',
      '2026-1-01',
      '20260101',
      '2026-01-01T00:00',
      ' 2026-01-01',
    ])
      expect(calendarDay.safeParse(d).success, d).toBe(false);
  });

  it('bounds years', () => {
    expect(year.safeParse(2026).success).toBe(true);
    expect(year.safeParse(1).success).toBe(false);
    expect(year.safeParse(0).success).toBe(false);
  });
});

describe('isDayOfMonth', () => {
  it('knows 29 February exists in some year and 30 February never', () => {
    expect(isDayOfMonth(2, 29)).toBe(true);
    expect(isDayOfMonth(2, 30)).toBe(false);
    expect(isDayOfMonth(4, 31)).toBe(false);
    expect(isDayOfMonth(12, 31)).toBe(true);
  });
});

describe('instant', () => {
  it('needs an offset and a year in range', () => {
    expect(instant.safeParse('2026-03-02T09:00:00+01:00').success).toBe(true);
    expect(instant.safeParse('2026-03-02T09:00:00Z').success).toBe(true);
    expect(instant.safeParse('2026-03-02T09:00:00').success).toBe(false);
    expect(instant.safeParse('0001-03-02T09:00:00Z').success).toBe(false);
    expect(instant.safeParse('2026-02-30T09:00:00Z').success).toBe(false);
  });
});

describe('every schema that takes a date uses them', () => {
  it('availability', () => {
    const base = { serviceId: 's', officeId: 'o' };
    expect(availabilityQuery.safeParse({ ...base, from: '2026-03-02' }).success).toBe(true);
    expect(availabilityQuery.safeParse({ ...base, from: '2026-02-30' }).success).toBe(false);
    expect(availabilityQuery.safeParse({ ...base, to: '2026-04-31' }).success).toBe(false);
    expect(availabilityQuery.safeParse({ ...base, from: '0001-01-01' }).success).toBe(false);
  });

  it('statistics', () => {
    expect(statsQuery.safeParse({ from: '2026-02-01', to: '2026-02-28' }).success).toBe(true);
    expect(statsQuery.safeParse({ from: '2026-02-01', to: '2026-02-30' }).success).toBe(false);
    expect(statsQuery.safeParse({ from: '0000-01-01', to: '0000-01-02' }).success).toBe(false);
    expect(statsQuery.safeParse({ from: '0001-01-01', to: '0001-01-02' }).success).toBe(false);
  });

  it('closures', () => {
    expect(closureInput.safeParse({ officeId: 'o', fromDay: '2026-02-27', toDay: '2026-02-28' }).success).toBe(true);
    expect(closureInput.safeParse({ officeId: 'o', fromDay: '2026-02-30', toDay: '2026-02-31' }).success).toBe(false);
  });

  it('bookings and moves', () => {
    const booking = { serviceId: 's', officeId: 'o', name: 'N', email: 'a@b.it', privacyConsent: true };
    expect(bookInput.safeParse({ ...booking, startsAt: '2026-03-02T09:00:00+01:00' }).success).toBe(true);
    expect(bookInput.safeParse({ ...booking, startsAt: '0001-03-02T09:00:00+01:00' }).success).toBe(false);
    expect(rescheduleInput.safeParse({ startsAt: '0001-01-01T00:00:00Z' }).success).toBe(false);
  });
});
