import { describe, expect, it } from 'vitest';
import { expectedArrivals } from '../../server/estimates/arrivals';

const day = (entries: [number, number][]) => new Map(entries);

describe('expected arrivals', () => {
  it('averages the same weekday of the last weeks per hour', () => {
    const f = expectedArrivals(
      {
        walkInDays: [
          day([
            [9, 40],
            [10, 30],
          ]),
          day([
            [9, 50],
            [10, 10],
            [11, 6],
          ]),
        ],
      },
      new Map(),
    );
    expect(f.map((h) => [h.hour, h.walkIns])).toEqual([
      [9, 45],
      [10, 20],
      [11, 3],
    ]);
  });

  it('leaves out days the office was closed', () => {
    const f = expectedArrivals({ walkInDays: [day([[9, 30]]), day([]), day([[9, 0]])] }, new Map());
    expect(f).toEqual([{ hour: 9, walkIns: 30, appointments: 0, total: 30 }]);
  });

  it('adds booked appointments discounted by the measured show-up rate', () => {
    const f = expectedArrivals(
      { walkInDays: [day([[9, 10]])], showUpRate: 0.5 },
      day([
        [9, 4],
        [14, 2],
      ]),
    );
    expect(f).toEqual([
      { hour: 9, walkIns: 10, appointments: 2, total: 12 },
      { hour: 14, walkIns: 0, appointments: 1, total: 1 },
    ]);
  });

  it('expects only the booked citizens with no history', () => {
    const f = expectedArrivals({ walkInDays: [] }, day([[10, 20]]));
    expect(f).toHaveLength(1);
    expect(f[0]!.walkIns).toBe(0);
    expect(f[0]!.appointments).toBeCloseTo(17, 10);
  });
});
