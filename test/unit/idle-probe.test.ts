import { describe, expect, it } from 'vitest';
import { shareOverlappingLate, startIdleProbe } from '../../bench/idle-probe';

describe("the bench's idle probe", () => {
  it('counts the calls during which the probe waited for a core', () => {
    // The probe's sleep began at 100 and woke 5 ms late: it waited from 101 to 106.
    const late: [number, number][] = [[100, 5]];
    const calls: [number, number][] = [
      [95, 4], // ends at 99: before
      [103, 2], // inside
      [105, 10], // begins before the wake-up
      [90, 12], // ends at 102, after the wait began
      [106, 3], // begins as it woke: after
    ];
    expect(shareOverlappingLate(calls, late)).toBe(60);
    expect(shareOverlappingLate(calls, [])).toBe(0);
    expect(shareOverlappingLate([], late)).toBeNaN();
  });

  it('runs a separate process and reports how late its sleeps woke', async () => {
    const probe = startIdleProbe();
    await new Promise((r) => setTimeout(r, 200));
    const r = await probe.stop();
    expect(r.longest).toBeGreaterThanOrEqual(r.p99);
    expect(r.p99).toBeGreaterThanOrEqual(0);
    for (const [start, ms] of r.late) {
      expect(ms).toBeGreaterThanOrEqual(2);
      expect(Math.abs(start - Date.now())).toBeLessThan(10_000); // epoch ms, comparable with the generator's
    }
  });
});
