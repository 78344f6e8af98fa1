import { counterSnapshots } from '../counters/snapshot';
import { log } from '../log';
import { queueInfos } from '../estimates/queue-infos';
import { refreshWaits } from '../estimates/live-waits';
import { rt, type OfficeFeed } from '../runtime';
import { supervisorSnapshot } from '../supervisor/snapshot';
import { watchedTicketSnapshots } from '../tickets/snapshot';
import { publishCounter, publishQueues, publishSupervisor, publishTicket } from '../realtime/publish';

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
 * A pass that took long (thousands waiting make the estimate cost seconds) spaces the next one
 * out to this many times its own duration, so the feed never takes more than about a quarter of
 * the process, whatever the queue.
 */
const COST_FACTOR = 3;

type OfficeState = { timer: NodeJS.Timeout | null; running: boolean; dirty: boolean; lastCostMs: number };

export function startOfficeFeed(): OfficeFeed {
  const offices = new Map<string, OfficeState>();
  let stopped = false;

  function schedule(officeId: string, state: OfficeState) {
    if (state.timer || state.running || stopped) return;
    state.timer = setTimeout(
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the callback catches every error itself
      async () => {
        state.timer = null;
        state.running = true;
        state.dirty = false;
        const started = performance.now();
        try {
          await flushOffice(officeId);
        } catch (err) {
          // Database or Redis down: try again, so the screens do not keep the figures of before.
          state.dirty = true;
          log.warn({ err, officeId }, 'publish failed, will retry');
        } finally {
          state.lastCostMs = performance.now() - started;
          state.running = false;
          if (state.dirty) schedule(officeId, state);
        }
      },
      Math.max(FLUSH_INTERVAL_MS, COST_FACTOR * state.lastCostMs),
    );
  }

  return {
    changed(officeId) {
      let state = offices.get(officeId);
      if (!state) offices.set(officeId, (state = { timer: null, running: false, dirty: false, lastCostMs: 0 }));
      state.dirty = true;
      schedule(officeId, state);
    },
    stop() {
      stopped = true;
      for (const state of offices.values()) if (state.timer) clearTimeout(state.timer);
    },
  };
}

async function flushOffice(officeId: string): Promise<void> {
  // The office's estimate, once for this batch of changes; every figure below reads it.
  await refreshWaits(officeId);
  const queues = await queueInfos(officeId);
  publishQueues(officeId, queues);
  for (const t of await watchedTicketSnapshots(officeId)) publishTicket(t);
  const counters = await rt().db.counter.findMany({ where: { officeId } });
  const open = counters.filter((c) => c.state !== 'closed');
  for (const snap of await counterSnapshots(open, queues)) publishCounter(snap);
  // From the same queue figures and counters: one computation per flush, whatever the number of supervisors.
  publishSupervisor(officeId, await supervisorSnapshot(officeId, { queues, counters }));
}
