/**
 * Each app process runs its own office feed; their passes take turns through a lease in Redis
 * (server/realtime/feed-lease.ts), so a pass that read before a change cannot publish after the
 * pass of that change and leave the counter screens and live views with older figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeFeedLease } from '../../server/realtime/feed-lease';
import { startOfficeFeed, type FeedWork } from '../../server/socket/office-feed';
import { useInProcessRuntime } from '../helpers/runtime';
import { eventually } from '../helpers/screens';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let leaseKey: string;

beforeAll(async () => {
  space = await createTestSpace({ seed: false });
  leaseKey = useInProcessRuntime(space).keys.feedLease('o1');
});
afterAll(async () => space?.drop());

/** A process's feed whose passes write to `log`; `publish` may hold a pass open. */
function processFeed(name: string, log: string[], publish: () => Promise<void> = async () => undefined) {
  const work: FeedWork = {
    estimate: async () => undefined,
    lease: takeFeedLease,
    async publish() {
      log.push(`${name} starts`);
      await publish();
      log.push(`${name} ends`);
    },
  };
  return startOfficeFeed(work);
}

describe('the office feeds of two processes', () => {
  it('publish one after the other: a pass under way on one holds the other’s until it is done', async () => {
    const log: string[] = [];
    let finishA!: () => void;
    const a = processFeed('a', log, () => new Promise<void>((r) => (finishA = r)));
    const b = processFeed('b', log);
    try {
      a.changed('o1');
      await eventually(
        () => log.includes('a starts'),
        () => `a's pass: ${log.join(', ')}`,
      );
      b.changed('o1');
      // b's pass is due 400 ms after its change and tries again every 50 ms meanwhile.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(log).toEqual(['a starts']);
      finishA();
      await eventually(
        () => log.includes('b ends'),
        () => `b's pass: ${log.join(', ')}`,
      );
      expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
      expect(await space.redis.exists(leaseKey)).toBe(0);
    } finally {
      a.stop();
      b.stop();
    }
  });

  it('a lease left by a process that died holds the others only until it expires', async () => {
    const log: string[] = [];
    await space.redis.set(leaseKey, 'a process killed mid-pass', 'PX', 1_000);
    const b = processFeed('b', log);
    try {
      b.changed('o1');
      await new Promise((r) => setTimeout(r, 600));
      expect(log).toEqual([]);
      await eventually(
        () => log.includes('b ends'),
        () => `b's pass: ${log.join(', ')}`,
      );
      expect(await space.redis.exists(leaseKey)).toBe(0);
    } finally {
      b.stop();
    }
  });
});
