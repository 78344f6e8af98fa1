import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ESTIMATE_WAIT_MS, startOfficeFeed, type FeedWork } from '../../server/socket/office-feed';

/**
 * The office feed's rhythm (server/socket/office-feed.ts): a burst of clicks is one pass, the
 * cheap figures go out within 400 ms, and an expensive wait estimate is recomputed at most every
 * ten times its own cost — but always after the last change.
 */
describe('office feed rhythm', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /**
   * A feed whose estimate takes `estimateCostMs`: of the main thread's CPU ('here'), or beside it,
   * the main thread free meanwhile, as on the estimate's thread ('thread').
   */
  function feedWith(estimateCostMs: number, where: 'here' | 'thread' = 'here') {
    const log: string[] = [];
    const at = () => Math.round(performance.now());
    const work: FeedWork = {
      async estimate(officeId) {
        log.push(`estimate ${officeId} @${at()}`);
        if (where === 'here') return void vi.advanceTimersByTime(estimateCostMs);
        await new Promise((r) => setTimeout(r, estimateCostMs));
        log.push(`estimate ${officeId} back @${at()}`);
      },
      async publish(officeId) {
        log.push(`publish ${officeId} @${at()}`);
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
    // The estimate had succeeded: only the publishing is tried again.
    expect(log.filter((l) => l.endsWith('o2'))).toEqual(['estimate o2', 'publish o2']);
    feed.stop();
  });

  it('publishes the changes without waiting for a slow estimate, then the new waits when it lands', async () => {
    const cost = ESTIMATE_WAIT_MS + 3000;
    const { feed, log } = feedWith(cost, 'thread');
    const t0 = Math.round(performance.now());
    feed.changed('o1');
    await vi.advanceTimersByTimeAsync(400 + ESTIMATE_WAIT_MS + 100);
    // The pass waited ESTIMATE_WAIT_MS for it, then published the change with the last waits.
    expect(log).toEqual([`estimate o1 @${t0 + 400}`, `publish o1 @${t0 + 400 + ESTIMATE_WAIT_MS}`]);
    log.length = 0;
    const t1 = Math.round(performance.now());
    feed.changed('o1'); // a click meanwhile: published in 400 ms, no second estimate beside the first
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual([`publish o1 @${t1 + 400}`]);
    log.length = 0;
    await vi.advanceTimersByTimeAsync(cost); // the estimate lands: its waits go out 400 ms later
    expect(log).toEqual([`estimate o1 back @${t0 + 400 + cost}`, `publish o1 @${t0 + 800 + cost}`]);
    log.length = 0;
    // The click came after the first estimate began: one more, due ten times its cost later.
    await vi.advanceTimersByTimeAsync(12 * cost);
    expect(log).toEqual([
      `estimate o1 @${t0 + 400 + 10 * cost}`,
      `estimate o1 back @${t0 + 400 + 11 * cost}`,
      `publish o1 @${t0 + 800 + 11 * cost}`,
    ]);
    feed.stop();
  });

  it('publishes once, with the new waits, when the estimate is back within ESTIMATE_WAIT_MS', async () => {
    const { feed, log } = feedWith(ESTIMATE_WAIT_MS / 2, 'thread');
    const t0 = Math.round(performance.now());
    feed.changed('o1');
    await vi.advanceTimersByTimeAsync(10 * ESTIMATE_WAIT_MS);
    const back = t0 + 400 + ESTIMATE_WAIT_MS / 2;
    expect(log).toEqual([`estimate o1 @${t0 + 400}`, `estimate o1 back @${back}`, `publish o1 @${back}`]);
    feed.stop();
  });

  it('publishes the changes when the estimate fails, and tries the estimate again', async () => {
    const log: string[] = [];
    let fail = true;
    const feed = startOfficeFeed({
      async estimate(officeId) {
        log.push(`estimate ${officeId}`);
        if (fail) {
          fail = false;
          throw new Error('thread died');
        }
      },
      async publish(officeId) {
        log.push(`publish ${officeId}`);
      },
    });
    feed.changed('o1');
    await vi.advanceTimersByTimeAsync(3000);
    expect(log).toEqual(['estimate o1', 'publish o1', 'estimate o1', 'publish o1']);
    feed.stop();
  });
});
