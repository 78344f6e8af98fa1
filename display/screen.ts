/**
 * The whole state of the display screen as a pure reducer (no React, unit-tested): the board of
 * calls and queues (`calls.ts`), plus what happens around it — deltas that overtook a snapshot,
 * the newest call (flashed, announced), the server's clock and the connection.
 */
import type { CallInfo, DisplaySnapshot } from '../contract/display';
import type { QueuesUpdate } from '../contract/queues';
import { displayReducer, initialDisplayState, maxSeq, type DisplayState } from './calls';

/** Deltas kept for the next snapshot (a burst of calls while re-subscribing). */
const MAX_PENDING = 20;

export interface ScreenState {
  board: DisplayState;
  /** Deltas received since the last snapshot: a re-subscribe's snapshot may be older than they are. */
  pending: CallInfo[];
  /** Highest call number (seq) seen; a delta at or below it is not new. */
  lastSeq: number;
  /** The newest call that arrived as a delta: flashed, spoken and read to screen readers. */
  latest: CallInfo | null;
  /** Seq of the call that flashes now, until `flashOver`. */
  flashSeq: number | null;
  /** Server clock minus this device's clock, from the last snapshot. */
  clockOffset: number;
  connected: boolean;
  everConnected: boolean;
  /** The first connection attempt had its time: a lost connection may be shown. */
  graceOver: boolean;
}

export type ScreenAction =
  | { type: 'snapshot'; snapshot: DisplaySnapshot; now: number }
  | { type: 'call'; call: CallInfo }
  | { type: 'queues'; update: QueuesUpdate }
  | { type: 'connection'; connected: boolean }
  | { type: 'graceOver' }
  | { type: 'flashOver'; seq: number };

export const initialScreenState: ScreenState = {
  board: initialDisplayState,
  pending: [],
  lastSeq: 0,
  latest: null,
  flashSeq: null,
  clockOffset: 0,
  connected: false,
  everConnected: false,
  graceOver: false,
};

export function screenReducer(state: ScreenState, action: ScreenAction): ScreenState {
  switch (action.type) {
    case 'snapshot': {
      // Replace everything, announce nothing.
      const { snapshot, now } = action;
      const server = Date.parse(snapshot.serverTime);
      return {
        ...state,
        board: displayReducer(state.board, { type: 'snapshot', snapshot, pending: state.pending }),
        lastSeq: Math.max(maxSeq(snapshot.calls), maxSeq(state.pending)),
        pending: [],
        clockOffset: Number.isFinite(server) ? server - now : state.clockOffset,
      };
    }
    case 'call': {
      const { call } = action;
      const next = {
        ...state,
        pending: [...state.pending, call].slice(-MAX_PENDING),
        board: displayReducer(state.board, { type: 'call', call }),
      };
      return call.seq > state.lastSeq ? { ...next, lastSeq: call.seq, latest: call, flashSeq: call.seq } : next;
    }
    case 'queues':
      return { ...state, board: displayReducer(state.board, { type: 'queues', update: action.update }) };
    case 'connection':
      return action.connected ? { ...state, connected: true, everConnected: true } : { ...state, connected: false, pending: [] };
    case 'graceOver':
      return { ...state, graceOver: true };
    case 'flashOver':
      return state.flashSeq === action.seq ? { ...state, flashSeq: null } : state;
  }
}

/** "Connection lost" is shown once the display had a connection, or after the first attempt's grace time. */
export function isOffline(state: ScreenState): boolean {
  return !state.connected && (state.everConnected || state.graceOver);
}
