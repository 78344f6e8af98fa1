import { describe, expect, it } from 'vitest';
import { addDays, addMonths, lastDayOfMonth, monthOf } from '../../ui/booking/calendarDays';
import { fold } from '../../ui/booking/search';

describe('calendar-day arithmetic of the booking calendar', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthOf('2026-07-15')).toBe('2026-07');
  });

  it('knows the last day of a month, leap years included', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
  });

  it('folds accents and case for the service search', () => {
    expect(fold('Identità ELETTRONICA')).toBe('identita elettronica');
  });
});
