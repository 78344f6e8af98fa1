/**
 * Pure state logic of the display: the snapshot from the subscribe acknowledgement, then deltas.
 * Kept free of React so it is easy to test.
 */
import type { CallInfo, DisplayConfig, DisplaySnapshot } from '../contract/display';
import type { QueueInfo, QueuesUpdate } from '../contract/queues';
import { withFigures } from '../ui/queueFigures';

/** Calls kept and shown: the newest (highlighted) plus the previous ones. */
export const MAX_CALLS = 10;

export interface DisplayState {
  office: DisplaySnapshot['office'] | null;
  /** The configured display, or null for a whole office. */
  display: DisplayConfig | null;
  calls: CallInfo[];
  queues: QueueInfo[];
}

export type DisplayAction =
  | { type: 'snapshot'; snapshot: DisplaySnapshot; /** deltas received since the subscribe was sent */ pending: CallInfo[] }
  | { type: 'call'; call: CallInfo }
  | { type: 'queues'; update: QueuesUpdate };

export const initialDisplayState: DisplayState = { office: null, display: null, calls: [], queues: [] };

/**
 * Whether a display shows a service. Calls and queue figures reach every display of the office
 * (one emit per call, whatever the number of screens); each screen keeps its own services only.
 */
export function showsService(display: DisplayConfig | null, serviceId: string): boolean {
  return !display || display.serviceIds === null || display.serviceIds.includes(serviceId);
}

export function maxSeq(calls: CallInfo[]): number {
  return calls.reduce((m, c) => Math.max(m, c.seq), 0);
}

/** Puts a call on top; a recall (or a new call of the same ticket after a transfer) moves it up. */
export function applyCall(calls: CallInfo[], call: CallInfo): CallInfo[] {
  if (calls.some((c) => c.seq === call.seq && c.ticketId === call.ticketId)) return calls; // duplicate delivery
  const rest = calls.filter((c) => c.ticketId !== call.ticketId && c.number !== call.number);
  return [call, ...rest].slice(0, MAX_CALLS);
}

export function normaliseCalls(calls: CallInfo[]): CallInfo[] {
  const sorted = [...calls].sort((a, b) => b.seq - a.seq);
  const out: CallInfo[] = [];
  for (const c of sorted) {
    if (out.some((o) => o.ticketId === c.ticketId || o.number === c.number)) continue;
    out.push(c);
    if (out.length === MAX_CALLS) break;
  }
  return out;
}

export function displayReducer(state: DisplayState, action: DisplayAction): DisplayState {
  switch (action.type) {
    case 'snapshot': {
      const snap = action.snapshot;
      const shown = (c: CallInfo) => showsService(snap.display, c.serviceId);
      let calls = normaliseCalls(snap.calls.filter(shown));
      // A delta that overtook the acknowledgement is newer than the snapshot: keep it on top.
      const top = maxSeq(snap.calls);
      for (const c of [...action.pending].sort((a, b) => a.seq - b.seq)) if (c.seq > top && shown(c)) calls = applyCall(calls, c);
      return {
        office: snap.office,
        display: snap.display,
        calls,
        queues: snap.queues.filter((q) => showsService(snap.display, q.serviceId)),
      };
    }
    case 'call':
      if (!showsService(state.display, action.call.serviceId)) return state;
      return { ...state, calls: applyCall(state.calls, action.call) };
    case 'queues':
      // The snapshot's services (already only this display's) with their new figures.
      return { ...state, queues: withFigures(state.queues, action.update) };
  }
}

/** Services worth showing: somebody waits or a counter serves them; busiest first. */
export function visibleQueues(queues: QueueInfo[]): QueueInfo[] {
  return queues
    .filter((q) => q.waiting > 0 || q.openCounters > 0)
    .sort(
      (a, b) =>
        b.waiting - a.waiting || b.estimatedWaitMinutes - a.estimatedWaitMinutes || a.name.it.localeCompare(b.name.it, 'it'),
    );
}

/**
 * Fits the services into `max` table rows. Services with people waiting come first; services that
 * are open but have nobody waiting fill the remaining rows only when all of them fit, otherwise
 * they are summarised in one line (an office with 90 services open would drown the panel).
 */
export function queueRows(queues: QueueInfo[], max: number): { shown: QueueInfo[]; hiddenBusy: number; hiddenIdle: number } {
  const busy = queues.filter((q) => q.waiting > 0);
  const idle = queues.filter((q) => q.waiting === 0);
  if (busy.length + idle.length <= max) return { shown: [...busy, ...idle], hiddenBusy: 0, hiddenIdle: 0 };
  if (busy.length <= max - 1) return { shown: busy, hiddenBusy: 0, hiddenIdle: idle.length };
  const shown = busy.slice(0, max - 2);
  return { shown, hiddenBusy: busy.length - shown.length, hiddenIdle: idle.length };
}
