import { describe, expect, it } from 'vitest';
import { simulateWait, type WaitQuestion } from '../../server/estimates/simulate-wait';

const fixed = (mean: number) => () => ({ mean, cv: 0 });

describe('wait estimate by simulating the counters', () => {
  it('is zero with an idle counter and nobody ahead', () => {
    expect(
      simulateWait({ serviceId: 'A', ahead: [], counters: [{ serviceIds: ['A'], freeIn: 0 }], serviceTime: fixed(5) }),
    ).toEqual({
      minutes: 0,
      low: 0,
      high: 0,
    });
  });

  it('one counter: the people ahead one after the other, after the current visit', () => {
    const q: WaitQuestion = {
      serviceId: 'A',
      ahead: ['A', 'A', 'A'],
      counters: [{ serviceIds: ['A'], freeIn: 2 }],
      serviceTime: fixed(5),
    };
    expect(simulateWait(q).minutes).toBe(17);
  });

  it('two counters share the people ahead', () => {
    const q: WaitQuestion = {
      serviceId: 'A',
      ahead: ['A', 'A', 'A', 'A'],
      counters: [
        { serviceIds: ['A'], freeIn: 0 },
        { serviceIds: ['A'], freeIn: 0 },
      ],
      serviceTime: fixed(6),
    };
    // Both take one at 0 and at 6; at 12 the first free counter takes this ticket.
    expect(simulateWait(q).minutes).toBe(12);
  });

  it('people ahead for a service only another counter serves do not delay this ticket', () => {
    const q: WaitQuestion = {
      serviceId: 'A',
      ahead: ['B', 'B', 'B', 'A'],
      counters: [
        { serviceIds: ['A'], freeIn: 0 },
        { serviceIds: ['B'], freeIn: 0 },
      ],
      serviceTime: (s) => ({ mean: s === 'B' ? 20 : 4, cv: 0 }),
    };
    expect(simulateWait(q).minutes).toBe(4);
  });

  it('a shared counter busy with another service helps later than the usual formula thinks', () => {
    // Counter 1 serves A and B, counter 2 only B: the B tickets ahead delay A through counter 1 only while counter 2 is busy.
    const q: WaitQuestion = {
      serviceId: 'A',
      ahead: ['B', 'B', 'A'],
      counters: [
        { serviceIds: ['A', 'B'], freeIn: 0 },
        { serviceIds: ['B'], freeIn: 10 },
      ],
      serviceTime: (s) => ({ mean: s === 'B' ? 10 : 5, cv: 0 }),
    };
    // t=0: counter 1 takes B (till 10). t=10: both free; counter 1 (listed first) takes B (till 20), counter 2 cannot take A;
    // A ahead waits for counter 1 at 20 (till 25); this ticket at 25.
    expect(simulateWait(q).minutes).toBe(25);
  });

  it('has no estimate when no open counter serves the service', () => {
    expect(
      simulateWait({ serviceId: 'A', ahead: [], counters: [{ serviceIds: ['B'], freeIn: 0 }], serviceTime: fixed(5) }).minutes,
    ).toBeNull();
  });

  it('gives a range around the median that widens with the spread of service times, the same each time it is asked', () => {
    const base = { serviceId: 'A', ahead: Array(6).fill('A') as string[], counters: [{ serviceIds: ['A'], freeIn: 0 }] };
    const narrow = simulateWait({ ...base, serviceTime: () => ({ mean: 5, cv: 0.2 }) });
    const wide = simulateWait({ ...base, serviceTime: () => ({ mean: 5, cv: 0.9 }) });
    for (const e of [narrow, wide]) {
      expect(e.low!).toBeLessThanOrEqual(e.minutes!);
      expect(e.high!).toBeGreaterThanOrEqual(e.minutes!);
    }
    expect(narrow.minutes).toBeGreaterThanOrEqual(28);
    expect(narrow.minutes).toBeLessThanOrEqual(31);
    expect(wide.high! - wide.low!).toBeGreaterThan(2 * (narrow.high! - narrow.low!));
    expect(simulateWait({ ...base, serviceTime: () => ({ mean: 5, cv: 0.9 }) })).toEqual(wide);
  });
});
