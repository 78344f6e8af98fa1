import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOfficeFeed, type FeedWork } from '../../server/socket/office-feed';

/**
 * The office feed's rhythm (server/socket/office-feed.ts): a burst of clicks is one pass, the
 * cheap figures go out within 400 ms, and an expensive wait estimate is recomputed at most every
 * ten times its own cost — but always after the last change.
 */
describe('office feed rhythm', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function feedWith(estimateCostMs: number) {
    const log: string[] = [];
    const work: FeedWork = {
      async estimate(officeId) {
        log.push(`estimate ${officeId} @${Math.round(performance.now())}`);
        vi.advanceTimersByTime(estimateCostMs); // the CPU it takes
      },
      async publish(officeId) {
        log.push(`publish ${officeId} @${Math.round(performance.now())}`);
      },
    };
    return { feed: startOfficeFeed(work), log };
  }

  it('answers a burst of changes with one pass: the estimate, then the figures', async () => {
    const { feed, log } = feedWith(20);
    const t0 = Math.round(performance.now());
    for (let i = 0; i < 10; i++) feed.changed('o1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual([`estimate o1 @${t0 + 400}`, `publish o1 @${t0 + 420}`]);
    feed.stop();
  });

  it('spaces an expensive estimate out to ten times its cost while the figures keep coming', async () => {
    const { feed, log } = feedWith(1000);
    const t0 = Math.round(performance.now());
    feed.changed('o1');
    await vi.advanceTimersByTimeAsync(2000); // first pass at 400: the estimate (1 s), then the figures
    expect(log).toEqual([`estimate o1 @${t0 + 400}`, `publish o1 @${t0 + 1400}`]);
    log.length = 0;
    const t1 = Math.round(performance.now());
    feed.changed('o1'); // figures within 400 ms, with the last estimate
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual([`publish o1 @${t1 + 400}`]);
    log.length = 0;
    // The change is in the next estimate, due 10 s after the last one began (400 + 10,000).
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log).toEqual([`estimate o1 @${t0 + 10_400}`, `publish o1 @${t0 + 11_400}`]);
    log.length = 0;
    await vi.advanceTimersByTimeAsync(30_000); // nothing changed since: nothing more
    expect(log).toEqual([]);
    feed.stop();
  });

  it('keeps offices apart and tries again after a failure', async () => {
    const log: string[] = [];
    let fail = true;
    const feed = startOfficeFeed({
      async estimate(officeId) {
        log.push(`estimate ${officeId}`);
      },
      async publish(officeId) {
        if (officeId === 'o2' && fail) {
          fail = false;
          throw new Error('redis down');
        }
        log.push(`publish ${officeId}`);
      },
    });
    feed.changed('o1');
    feed.changed('o2');
    await vi.advanceTimersByTimeAsync(2000);
    expect(log.filter((l) => l.endsWith('o1'))).toEqual(['estimate o1', 'publish o1']);
    expect(log.filter((l) => l.endsWith('o2'))).toEqual(['estimate o2', 'estimate o2', 'publish o2']);
    feed.stop();
  });
});
