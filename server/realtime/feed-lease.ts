import { randomUUID } from 'node:crypto';
import { releaseLease } from '../queue/engine';
import { rt } from '../runtime';

/** How long a pass may hold the office's feed: a process killed mid-pass holds the others up this long at most. */
const FEED_LEASE_MS = 3_000;

/**
 * One pass of an office's feed at a time over all the app processes (socket/office-feed.ts). Each
 * process runs its own feed, and a pass that read the counters before a change but published after
 * the pass that change started on another process left the counter screens and the live view with
 * the older figures until the next change. Passes that follow one another publish in the order they
 * read, so the last change's pass is the last word. Null: another process's pass is under way.
 */
export async function takeFeedLease(officeId: string): Promise<(() => Promise<void>) | null> {
  const { redis, keys } = rt();
  const key = keys.feedLease(officeId);
  const token = randomUUID();
  if ((await redis.set(key, token, 'PX', FEED_LEASE_MS, 'NX')) !== 'OK') return null;
  return () => releaseLease({ key, token });
}
