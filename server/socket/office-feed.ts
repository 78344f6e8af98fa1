import { giveWay } from '../foreground';
import { counterSnapshots } from '../counters/snapshot';
import { log } from '../log';
import { queueInfos } from '../estimates/queue-infos';
import { refreshWaits } from '../estimates/live-waits';
import { rt, type OfficeFeed } from '../runtime';
import { supervisorSnapshot } from '../supervisor/snapshot';
import { watchedTicketSnapshots } from '../tickets/snapshot';
import { publishCounter, publishQueues, publishSupervisor, publishTicket } from '../realtime/publish';
import { takeFeedLease } from '../realtime/feed-lease';
import { rooms } from '../realtime/rooms';
import { isWatched } from '../realtime/watched-rooms';
import { queuesUpdates } from '../realtime/queue-updates';

/**
 * The figures that change for everybody after any click (queue figures, phone positions,
 * counters' waiting lists, the supervisors' live view), recomputed per office at most every
 * FLUSH_INTERVAL_MS, one computation at a time, so a burst of clicks costs one pass; the pass
 * only covers the phones that are actually following a ticket. Started with socket.io
 * (server/boot.ts) and reached through the runtime, so the domain modules that report a change
 * (publishOfficeChanged) do not depend on the snapshot builders, and the route handlers (bundled
 * apart by Next) share this process's one feed.
 */
export const FLUSH_INTERVAL_MS = 400;
/**
 * A pass that took long spaces the next one out to this many times its own duration, so the
 * feed's cheap figures never take more than about a quarter of the process.
 */
const COST_FACTOR = 3;
/**
 * The wait estimate has its own, sparser rhythm: playing the office forward costs milliseconds
 * with a normal queue but over half a second of CPU with thousands waiting (issue 10's profile:
 * with it in every pass, the feed took a quarter of the process and most of each visit's CPU).
 * It is recomputed at most every ESTIMATE_COST_FACTOR times its own cost (under a tenth of the
 * process), and at the latest that long after the last change; meanwhile the passes use the last
 * one. A wait in minutes for a queue of thousands does not move in a few seconds.
 */
const ESTIMATE_COST_FACTOR = 10;
/**
 * How long a pass waits for the estimate it started before it publishes the changes with the last
 * one. Longer than an estimate of thousands waiting takes on a loaded machine (0.2–1.3 s on the
 * bench's 2 cores), so the pass publishes once, with the new figures, as when it waited for it
 * (publishing early too cost a second publish per estimate, and with thousands of phones
 * following tickets a publish costs more than the estimate). But bounded: a thread starved on a
 * saturated machine, or stuck, must not hold a counter's waiting list or a phone's position for
 * long (a minute, once, in a full test suite); the changes go out, and the new waits in a pass of
 * their own when the estimate lands.
 */
export const ESTIMATE_WAIT_MS = 2_000;

interface OfficeState {
  timer: NodeJS.Timeout | null;
  running: boolean;
  dirty: boolean;
  lastCostMs: number;
  /** When the estimate was last started (performance.now()), how long it took, and whether changes came since. */
  estimatedAt: number;
  estimateCostMs: number;
  estimateStale: boolean;
  /** An estimate is under way: one at a time per office. */
  estimating: boolean;
}

const estimateDueIn = (state: OfficeState, now: number) =>
  Math.max(0, state.estimatedAt + Math.max(FLUSH_INTERVAL_MS, ESTIMATE_COST_FACTOR * state.estimateCostMs) - now);

/** How soon a pass tries again when another process's pass of the office is under way (a few ms, usually). */
const LEASE_RETRY_MS = 50;

/** What a pass does; the tests hand in their own to watch the rhythm. */
export interface FeedWork {
  estimate(officeId: string): Promise<unknown>;
  publish(officeId: string): Promise<void>;
  /**
   * The office's feed for this pass's publishing, across processes (realtime/feed-lease.ts): its
   * release, or null while another pass holds it. Absent: no other process to wait for.
   */
  lease?(officeId: string): Promise<(() => Promise<void>) | null>;
}

export function startOfficeFeed(
  work: FeedWork = { estimate: refreshWaits, publish: officePublisher(), lease: takeFeedLease },
): OfficeFeed {
  const offices = new Map<string, OfficeState>();
  let stopped = false;

  /** Starts the office's estimate; when it lands, its figures are a change to publish. */
  function startEstimate(officeId: string, state: OfficeState): Promise<void> {
    const started = performance.now();
    state.estimateStale = false;
    state.estimatedAt = started;
    state.estimating = true;
    return work
      .estimate(officeId)
      .then(
        () => {
          state.estimateCostMs = performance.now() - started;
          state.dirty = true;
        },
        (err: unknown) => {
          state.estimateStale = true;
          log.warn({ err, officeId }, 'wait estimate failed, will retry');
        },
      )
      .finally(() => {
        state.estimating = false;
        if (!state.running) next(officeId, state);
      });
  }

  function next(officeId: string, state: OfficeState) {
    if (state.dirty) schedule(officeId, state);
    // No change since, but the last ones are not in the estimate yet: a pass when it is due.
    else if (state.estimateStale && !state.estimating) schedule(officeId, state, estimateDueIn(state, performance.now()));
  }

  function schedule(officeId: string, state: OfficeState, delayMs = Math.max(FLUSH_INTERVAL_MS, COST_FACTOR * state.lastCostMs)) {
    if (state.timer || state.running || stopped) return;
    state.timer = setTimeout(
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the callback catches every error itself
      async () => {
        state.timer = null;
        state.running = true;
        let started = performance.now();
        let heldElsewhere = false;
        try {
          if (state.estimateStale && !state.estimating && estimateDueIn(state, started) === 0) {
            // Once for this batch of changes; every figure below reads it, if it is back in time.
            const estimate = startEstimate(officeId, state);
            let timeout: NodeJS.Timeout | undefined;
            await Promise.race([estimate, new Promise((r) => (timeout = setTimeout(r, ESTIMATE_WAIT_MS)))]);
            clearTimeout(timeout);
            started = performance.now();
          }
          if (state.dirty) {
            const release = work.lease ? await work.lease(officeId) : async () => undefined;
            if (release) {
              try {
                state.dirty = false;
                await work.publish(officeId);
              } finally {
                await release();
              }
            } else heldElsewhere = true;
          }
        } catch (err) {
          // Database or Redis down: try again, so the screens do not keep the figures of before.
          state.dirty = true;
          log.warn({ err, officeId }, 'publish failed, will retry');
        } finally {
          state.lastCostMs = performance.now() - started;
          state.running = false;
          // Another process is publishing the office: ours follows it, soon.
          if (heldElsewhere) schedule(officeId, state, LEASE_RETRY_MS);
          else next(officeId, state);
        }
      },
      delayMs,
    );
  }

  return {
    changed(officeId) {
      let state = offices.get(officeId);
      if (!state)
        offices.set(
          officeId,
          (state = {
            timer: null,
            running: false,
            dirty: false,
            lastCostMs: 0,
            estimatedAt: -Infinity,
            estimateCostMs: 0,
            estimateStale: false,
            estimating: false,
          }),
        );
      state.dirty = true;
      state.estimateStale = true;
      schedule(officeId, state);
    },
    stop() {
      stopped = true;
      for (const state of offices.values()) if (state.timer) clearTimeout(state.timer);
    },
  };
}

/** A pass's publishing, with what this feed last sent of each office's queue figures. */
function officePublisher() {
  const queuesUpdate = queuesUpdates();
  return (officeId: string) => flushOffice(officeId, queuesUpdate);
}

async function flushOffice(officeId: string, queuesUpdate: ReturnType<typeof queuesUpdates>): Promise<void> {
  const queues = await queueInfos(officeId);
  const update = queuesUpdate(officeId, queues);
  if (update) publishQueues(officeId, update);
  for (const t of await watchedTicketSnapshots(officeId)) publishTicket(t);
  const counters = await rt().db.counter.findMany({ where: { officeId } });
  const open = counters.filter((c) => c.state !== 'closed');
  for (const { queues: named, ...snap } of await counterSnapshots(open, queues)) {
    // The office's named queues only with a complete update: the screens keep theirs, and the figures came above.
    publishCounter(update?.complete ? { ...snap, queues: named } : snap);
    // Each snapshot is encoded twice (JSON for the screens, msgpack for the other processes), about
    // a millisecond with the office's named queues (a complete update): twenty in one turn held
    // every click up by 20 ms.
    await giveWay();
  }
  // From the same queue figures and counters: one computation per flush, whatever the number of
  // supervisors, and none while no supervisor has the live view open on any process.
  if (await isWatched(rooms.supervisor(officeId)))
    publishSupervisor(officeId, await supervisorSnapshot(officeId, { queues, counters }));
}
