/**
 * The clerk's working view as pure functions (no React, unit-tested): which actions the counter
 * allows now, how an answer about a ticket changes the snapshot, and the view's own state (notice,
 * open dialog, the action in flight, the connection). `WorkView` renders it.
 */
import type { CounterSnapshot, CounterUpdate } from '../contract/counters';
import type { CounterTicket } from '../contract/tickets';
import type { Notice } from '../ui/staff/notice';

export type DialogKind = 'complete' | 'noShow' | 'transfer' | 'book' | 'procedure';
export type Busy = 'callNext' | 'recall' | 'start' | 'complete' | 'noShow' | 'transfer' | 'pause' | 'close';
export type Action = Busy | 'book' | 'procedure';

export interface WorkState {
  notice: Notice | null;
  /** The open dialog, and the ticket it is about (null for booking and opening a procedure, which need none). */
  dialog: { kind: DialogKind; ticketId: string | null } | null;
  /** The action waiting for the server (drives aria-busy). */
  busy: Busy | null;
  everConnected: boolean;
  /** The first connection had its time: a lost connection may be shown. */
  graceOver: boolean;
}

export type WorkAction =
  | { type: 'notice'; notice: Notice | null }
  | { type: 'openDialog'; kind: DialogKind; ticketId: string | null }
  | { type: 'closeDialog' }
  | { type: 'busy'; busy: Busy | null }
  | { type: 'connected' }
  | { type: 'graceOver' };

export const initialWorkState: WorkState = { notice: null, dialog: null, busy: null, everConnected: false, graceOver: false };

export function workReducer(state: WorkState, action: WorkAction): WorkState {
  switch (action.type) {
    case 'notice':
      return { ...state, notice: action.notice };
    case 'openDialog':
      return { ...state, dialog: { kind: action.kind, ticketId: action.ticketId } };
    case 'closeDialog':
      return { ...state, dialog: null };
    case 'busy':
      return { ...state, busy: action.busy };
    case 'connected':
      return state.everConnected ? state : { ...state, everConnected: true };
    case 'graceOver':
      return { ...state, graceOver: true };
  }
}

/**
 * The dialog on screen: one about a ticket shows only while that ticket is still at the counter
 * (completed elsewhere, cancelled, or replaced: it closes by itself).
 */
export function visibleDialog(state: WorkState, currentId: string | null): DialogKind | null {
  const d = state.dialog;
  if (!d) return null;
  return d.kind === 'book' || d.kind === 'procedure' || (d.ticketId !== null && d.ticketId === currentId) ? d.kind : null;
}

export function connectionLost(state: WorkState, connected: boolean): boolean {
  return !connected && (state.everConnected || state.graceOver);
}

/** What the clerk may do now, by the counter's state and its current ticket. */
export function allowedActions(snap: CounterSnapshot | null): Record<Action, boolean> {
  const current = snap?.current ?? null;
  const state = snap?.counter.state ?? 'open';
  return {
    callNext: !!snap && state === 'open' && !current,
    recall: current?.status === 'called',
    start: current?.status === 'called',
    complete: current?.status === 'serving' || current?.status === 'called',
    noShow: current?.status === 'called',
    transfer: !!current,
    pause: !!snap && (state === 'open' || state === 'paused'),
    close: !!snap && !current,
    book: !!snap,
    procedure: !!snap,
  };
}

/**
 * The snapshot after the server answered about `ticket`: it stays current while called or
 * served, and leaves the counter otherwise. An answer about another ticket than the current one
 * (a late answer) changes nothing.
 */
export function withTicket(prev: CounterSnapshot | null, ticket: CounterTicket): CounterSnapshot | null {
  if (!prev || (prev.current && prev.current.id !== ticket.id)) return prev;
  const active = ticket.status === 'called' || ticket.status === 'serving';
  return { ...prev, current: active ? ticket : null };
}

/** A `counter` event on the screen: one without queues keeps the screen's (their figures come apart). */
export function withCounterUpdate(prev: CounterSnapshot | null, next: CounterUpdate): CounterSnapshot {
  const same = prev?.counter.id === next.counter.id;
  return { ...next, queues: next.queues ?? (same ? prev.queues : []) };
}

/** The counter was closed or handed over elsewhere (another tab, a supervisor). */
export function closedElsewhere(snap: CounterSnapshot, staffId: string): boolean {
  return snap.counter.state === 'closed' || (snap.counter.staffId !== null && snap.counter.staffId !== staffId);
}
