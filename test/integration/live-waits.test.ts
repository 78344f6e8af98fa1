import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EstimateThread } from '../../server/estimates/estimate-thread';
import { liveOffice, refreshWaits } from '../../server/estimates/live-waits';
import { issueTicket } from '../../server/tickets/issue';
import type { Runtime } from '../../server/runtime';
import type { OfficeWaits } from '../../server/estimates/wait-model';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

/**
 * The office's shared estimate (estimates/live-waits.ts) on real PostgreSQL and Redis in this
 * process: while the feed's estimate is under way, a reader gets the last figures at once, even
 * old ones, instead of waiting for it (the feed publishes the changes without it, office-feed.ts);
 * without a feed, a reader of old figures waits for the new ones.
 */
describe('live waits while the estimate is under way', () => {
  let space: TestSpace;
  let runtime: Runtime;
  let officeId: string;
  /** A Thursday morning: the demo desk is open. */
  const t0 = Date.UTC(2026, 11, 3, 9, 0);
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);

  const holding: (() => void)[] = [];
  /** A thread that holds every estimate until released, then gives empty figures. */
  function heldThread() {
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    holding.push(release);
    let asked = 0;
    const thread: EstimateThread = {
      async estimate() {
        asked++;
        await released;
        const waits: OfficeWaits = { tickets: new Map(), services: new Map(), priorities: new Map(), appointments: new Map() };
        return waits;
      },
      async stop() {},
    };
    return { thread, release, asked: () => asked };
  }

  beforeAll(async () => {
    space = await createTestSpace();
    runtime = useInProcessRuntime(space);
    const office = await space.db.office.findFirstOrThrow({ where: { isOneStop: true } });
    officeId = office.id;
    const service = await space.db.service.findFirstOrThrow({ where: { officeId, mode: 'desk', active: true } });
    await issueTicket({ serviceId: service.id, priority: 'none', lang: 'it' }, at(0));
  });
  // A failed test must not leave its estimate under way for the next one to join.
  afterEach(() => holding.splice(0).forEach((release) => release()));
  afterAll(async () => space.drop());

  it('gives the last figures at once while the feed estimates, however old, and the new ones after', async () => {
    runtime.officeFeed = { changed() {}, stop() {} };
    runtime.estimateThread = undefined;
    const first = await refreshWaits(officeId, at(1)); // in this thread

    const held = heldThread();
    runtime.estimateThread = held.thread;
    let done = false;
    const second = refreshWaits(officeId, at(2)).then((w) => ((done = true), w));
    // Its queries first, then the thread (slow under a full suite's load).
    await vi.waitFor(() => expect(held.asked()).toBe(1), { timeout: 10_000 });
    expect(done).toBe(false);
    // Ten minutes on, the figures of minute 1 are long past their age: still given, not waited for.
    const read = await Promise.race([
      liveOffice(officeId, at(11)),
      new Promise<'waited'>((r) => setTimeout(() => r('waited'), 2000)),
    ]);
    expect(read).not.toBe('waited');
    expect(read === 'waited' ? null : read.waits).toBe(first);

    held.release();
    const fresh = await second;
    expect(fresh).not.toBe(first);
    expect((await liveOffice(officeId, at(2))).waits).toBe(fresh);
  });

  it('without a feed, a reader of old figures waits for the new ones', async () => {
    runtime.officeFeed = null;
    runtime.estimateThread = undefined;
    const old = await refreshWaits(officeId, at(20));
    const held = heldThread();
    runtime.estimateThread = held.thread;
    const reading = liveOffice(officeId, at(30));
    const early = await Promise.race([reading, new Promise<'waited'>((r) => setTimeout(() => r('waited'), 500))]);
    expect(early).toBe('waited');
    held.release();
    expect((await reading).waits).not.toBe(old);
  });
});
