import { Worker } from 'node:worker_threads';
import type { HistoryRows } from './history';
import type { HistoryEntry } from './office-history';
import type { Calibration, OfficeWaits, WaitState } from './wait-model';

/**
 * The wait estimate on a thread of its own (estimate-worker.ts). Played forward in the main
 * thread, even in slices that give way to requests, it still held a click up by a slice and left
 * its garbage to the main thread's collector: with 600 waiting, 54 ms and 40 MB per estimate
 * (`bench/estimate.ts`), and one clerk's call-next p99 about 3 ms longer with it than without
 * (issue 10). On the thread it runs beside the requests, on the other core, with its own heap.
 * The server starts one (boot.ts); without it (scripts, the day simulator, tests in process), or
 * when it fails, the estimate runs in slices in the main thread, with the same result: one seeded
 * generator.
 */

/** What crosses to the thread: the live state without its functions, which the thread rebuilds. */
export type PlainWaitState = Omit<WaitState, 'minuteOf' | 'history'>;

export interface EstimateRequest {
  id: number;
  officeId: string;
  timeZone: string;
  historyVersion: number;
  /** Only when the thread does not hold this version yet. */
  historyRows?: HistoryRows;
  state: PlainWaitState;
  calibration: Calibration;
}

export type EstimateReply = { id: number; waits: OfficeWaits } | { id: number; error: string };

export interface EstimateThread {
  estimate(
    officeId: string,
    timeZone: string,
    /** Its rows cross once per version. */
    history: Pick<HistoryEntry, 'version' | 'rows'>,
    state: PlainWaitState,
    calibration: Calibration,
  ): Promise<OfficeWaits>;
  stop(): Promise<void>;
}

/** The thread's file: compiled beside the server (scripts/build-server.mjs), else the source (estimate-worker-source.mjs). */
export function estimateWorkerFile(): URL {
  const at = import.meta.url.indexOf('/dist/server/');
  if (at >= 0) return new URL(`${import.meta.url.slice(0, at)}/dist/server/estimate-worker.mjs`);
  return new URL('./estimate-worker-source.mjs', import.meta.url);
}

/**
 * A thread with no estimate asked for this long ends, and gives its heap back: an estimate of
 * thousands waiting leaves the thread holding about 100 MB, which the storm of reconnecting
 * screens that follows a busy hour would otherwise find still taken (issue 10's RSS target).
 * Starting one again loads its modules on the new thread, not on the main one.
 */
export const IDLE_MS = 5_000;
/**
 * An estimate not back in this long ends its thread: a thread caught in a loop must not leave the
 * office's waits frozen while the feed, which does not wait for them (office-feed.ts), goes on.
 * Thousands waiting take about a second; a minute leaves room for a starved machine.
 */
export const TIMEOUT_MS = 60_000;

interface Running {
  worker: Worker;
  idle: NodeJS.Timeout | null;
  pending: Map<number, { resolve(w: OfficeWaits): void; reject(e: Error): void; timer: NodeJS.Timeout }>;
  /** Per office, the history version this thread holds. */
  histories: Map<string, number>;
}

/**
 * Starts the thread when first asked, and again after it ended (idle) or died: the estimates under
 * way when it died fail (estimateOnThread then computes them in the main thread), the next one
 * starts a new thread.
 */
export function startEstimateThread(file = estimateWorkerFile(), idleMs = IDLE_MS, timeoutMs = TIMEOUT_MS): EstimateThread {
  let current: Running | null = null;
  let nextId = 1;

  const end = (r: Running, err: Error) => {
    if (current === r) current = null;
    for (const p of r.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    r.pending.clear();
  };
  const retire = (r: Running) => {
    if (r.pending.size > 0) return;
    if (current === r) current = null;
    void r.worker.terminate();
  };
  const thread = (): Running => {
    if (current) return current;
    const r: Running = {
      // No flags of the main process (a `--cpu-prof` would profile the thread into the same folder).
      worker: new Worker(file, { execArgv: [], name: 'wait-estimate' }),
      idle: null,
      pending: new Map(),
      histories: new Map(),
    };
    // An idle thread must not keep a script or a test alive; the server lives by its sockets.
    r.worker.unref();
    r.worker.on('message', (reply: EstimateReply) => {
      const p = r.pending.get(reply.id);
      if (!p) return;
      r.pending.delete(reply.id);
      clearTimeout(p.timer);
      if ('error' in reply) p.reject(new Error(`wait estimate: ${reply.error}`));
      else p.resolve(reply.waits);
      if (r.pending.size === 0) r.idle = setTimeout(() => retire(r), idleMs).unref();
    });
    r.worker.on('error', (err) => end(r, err));
    r.worker.on('exit', (code) => end(r, new Error(`wait estimate thread exited (${code})`)));
    current = r;
    return r;
  };

  return {
    estimate(officeId, timeZone, history, state, calibration) {
      const r = thread();
      if (r.idle) clearTimeout(r.idle);
      r.idle = null;
      const request: EstimateRequest = {
        id: nextId++,
        officeId,
        timeZone,
        historyVersion: history.version,
        historyRows: r.histories.get(officeId) === history.version ? undefined : history.rows,
        state,
        calibration,
      };
      r.histories.set(officeId, history.version);
      return new Promise<OfficeWaits>((resolve, reject) => {
        const timer = setTimeout(() => {
          end(r, new Error(`wait estimate thread gave no answer in ${timeoutMs} ms`));
          void r.worker.terminate();
        }, timeoutMs).unref();
        r.pending.set(request.id, { resolve, reject, timer });
        r.worker.postMessage(request);
      });
    },
    async stop() {
      const r = current;
      if (!r) return;
      if (r.idle) clearTimeout(r.idle);
      end(r, new Error('wait estimate thread stopped'));
      await r.worker.terminate();
    },
  };
}
