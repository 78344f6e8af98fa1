import { describe, expect, it } from 'vitest';
import type { BestTimeCell } from '../../contract/waits';
import { chartGrid, weekdayName } from '../../waits/chart';

const cell = (weekday: number, hour: number, medianWaitMinutes: number | null, tickets = 20): BestTimeCell => ({
  weekday,
  hour,
  medianWaitMinutes,
  tickets,
});

describe('best time to come chart', () => {
  it('lays out the weekdays and hours with data, gaps filled, and shades each median', () => {
    const g = chartGrid([cell(2, 9, 4), cell(2, 11, 25), cell(4, 9, 12), cell(4, 10, 40), cell(6, 10, null, 2)]);
    expect(g.weekdays).toEqual([2, 4]);
    expect(g.hours).toEqual([9, 10, 11]);
    expect(g.shade(g.cell(2, 9))).toBe(0);
    expect(g.shade(g.cell(4, 9))).toBe(2);
    expect(g.shade(g.cell(2, 11))).toBe(3);
    expect(g.shade(g.cell(4, 10))).toBe(4);
    expect(g.shade(g.cell(2, 10))).toBeNull();
    expect(g.shade(g.cell(6, 10))).toBeNull();
  });

  it('names the quietest hours, the better known first on a tie', () => {
    const g = chartGrid([cell(1, 9, 8), cell(1, 10, 3, 10), cell(3, 10, 3, 40), cell(5, 12, 2), cell(5, 11, 30)]);
    expect(g.best.map((c) => [c.weekday, c.hour])).toEqual([
      [5, 12],
      [3, 10],
      [1, 10],
    ]);
  });

  it('is empty without data', () => {
    const g = chartGrid([cell(1, 9, null, 3)]);
    expect(g.weekdays).toEqual([]);
    expect(g.hours).toEqual([]);
    expect(g.best).toEqual([]);
  });

  it('names weekdays in the page language, Monday first', () => {
    expect(weekdayName('it', 1, 'long')).toBe('lunedì');
    expect(weekdayName('en', 7, 'long')).toBe('Sunday');
  });
});
