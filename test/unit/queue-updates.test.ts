import { describe, expect, it } from 'vitest';
import { COMPLETE_EVERY_MS, queuesUpdates } from '../../server/realtime/queue-updates';
import type { QueueInfo } from '../../contract/queues';

const queue = (serviceId: string, waiting: number, name = serviceId): QueueInfo => ({
  serviceId,
  prefix: serviceId.slice(0, 1).toUpperCase(),
  name: { it: name },
  waiting,
  oldestWaitMinutes: 0,
  estimatedWaitMinutes: waiting * 5,
  estimatedWaitMinMinutes: waiting * 4,
  estimatedWaitMaxMinutes: waiting * 6,
  openCounters: 1,
});
const ids = (u: ReturnType<ReturnType<typeof queuesUpdates>>) => u && [u.complete, u.figures.map((f) => f.serviceId)];

describe("the office feed's queue updates", () => {
  it('sends every figure first, then only the services whose figures changed, nothing when none did', () => {
    const update = queuesUpdates();
    const t0 = 1_000_000;
    expect(ids(update('o', [queue('a', 1), queue('b', 2), queue('c', 0)], t0))).toEqual([true, ['a', 'b', 'c']]);
    expect(update('o', [queue('a', 1), queue('b', 2), queue('c', 0)], t0 + 400)).toBeNull();
    const next = update('o', [queue('a', 1), queue('b', 1), queue('c', 0)], t0 + 800);
    expect(next).toEqual({ complete: false, figures: [expect.objectContaining({ serviceId: 'b', waiting: 1 })] });
    // Figures only: the screens have the names.
    expect(Object.keys(next!.figures[0]!)).not.toContain('name');
    // Compared with the last update, not the first.
    expect(update('o', [queue('a', 1), queue('b', 1), queue('c', 0)], t0 + 1200)).toBeNull();
    expect(ids(update('o', [queue('a', 1), { ...queue('b', 1), oldestWaitMinutes: 3 }, queue('c', 0)], t0 + 1600))).toEqual([
      false,
      ['b'],
    ]);
  });

  it('sends every figure again when a service is renamed, added, dropped or moved, and every few seconds', () => {
    const update = queuesUpdates();
    const t0 = 5_000;
    const qs = [queue('a', 1), queue('b', 2)];
    update('o', qs, t0);
    expect(ids(update('o', [queue('a', 1), queue('b', 2, 'Tributi')], t0 + 1))).toEqual([true, ['a', 'b']]);
    expect(ids(update('o', [queue('a', 1), queue('b', 2, 'Tributi'), queue('c', 0)], t0 + 2))).toEqual([true, ['a', 'b', 'c']]);
    expect(ids(update('o', [queue('a', 1), queue('c', 0)], t0 + 3))).toEqual([true, ['a', 'c']]);
    expect(ids(update('o', [queue('c', 0), queue('a', 1)], t0 + 4))).toEqual([true, ['c', 'a']]);
    expect(update('o', [queue('c', 0), queue('a', 1)], t0 + 4 + COMPLETE_EVERY_MS - 1)).toBeNull();
    expect(ids(update('o', [queue('c', 0), queue('a', 1)], t0 + 4 + COMPLETE_EVERY_MS))).toEqual([true, ['c', 'a']]);
    expect(update('o', [queue('c', 0), queue('a', 1)], t0 + 5 + COMPLETE_EVERY_MS)).toBeNull();
  });

  it('keeps each office apart, and each feed apart', () => {
    const update = queuesUpdates();
    update('o1', [queue('a', 1)], 0);
    expect(ids(update('o2', [queue('a', 1)], 1))).toEqual([true, ['a']]);
    expect(update('o1', [queue('a', 1)], 2)).toBeNull();
    expect(ids(queuesUpdates()('o1', [queue('a', 1)], 3))).toEqual([true, ['a']]);
  });
});
