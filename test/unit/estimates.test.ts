import { describe, expect, it } from 'vitest';
import { bandLow, competingServices, estimateMinutes } from '../../server/queue/estimates';

describe('wait estimate', () => {
  it('is zero for the next in line', () => {
    expect(estimateMinutes(0, 10, 1)).toBe(0);
  });

  it('divides the work ahead by the open counters', () => {
    expect(estimateMinutes(6, 10, 1)).toBe(60);
    expect(estimateMinutes(6, 10, 3)).toBe(20);
    expect(estimateMinutes(5, 7.5, 2)).toBe(19); // 18.75 rounded up
  });

  it('counts at least one counter when none is open, rather than dividing by zero', () => {
    expect(estimateMinutes(4, 5, 0)).toBe(20);
  });

  it('shows a band from 80% of the estimate', () => {
    expect(bandLow(20)).toBe(16);
    expect(bandLow(0)).toBe(0);
  });
});

describe('competing services', () => {
  it('joins the services of every open counter that serves a service', () => {
    const competing = competingServices([['a', 'b'], ['b', 'c'], ['d']]);
    expect(competing('a').sort()).toEqual(['a', 'b']);
    expect(competing('b').sort()).toEqual(['a', 'b', 'c']);
    expect(competing('d')).toEqual(['d']);
    // Nobody serves it: only its own queue counts.
    expect(competing('z')).toEqual(['z']);
  });
});
