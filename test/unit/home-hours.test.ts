import { describe, expect, it } from 'vitest';
import { groupHours } from '../../home/hours';
import { mergeRanges } from '../../server/offices/home';

describe('office hours on the citizen home', () => {
  it('joins overlapping and touching ranges of a day, keeps gaps, sorts by weekday and time', () => {
    const merged = mergeRanges([
      { weekday: 2, opens: '14:30', closes: '17:00' },
      { weekday: 1, opens: '09:00', closes: '12:30' },
      { weekday: 2, opens: '09:00', closes: '12:30' },
      { weekday: 1, opens: '10:00', closes: '11:00' }, // inside the first
      { weekday: 1, opens: '12:30', closes: '13:00' }, // touching
      { weekday: 2, opens: '16:00', closes: '18:00' }, // overlapping the afternoon
    ]);
    expect(merged).toEqual([
      { weekday: 1, opens: '09:00', closes: '13:00' },
      { weekday: 2, opens: '09:00', closes: '12:30' },
      { weekday: 2, opens: '14:30', closes: '18:00' },
    ]);
    expect(groupHours(merged).map((d) => [d.weekday, d.ranges.length])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});
