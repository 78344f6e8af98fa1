import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  closedElsewhere,
  connectionLost,
  initialWorkState,
  visibleDialog,
  withCounterUpdate,
  withTicket,
  workReducer,
} from '../../counter/work';
import type { CounterSnapshot } from '../../contract/counters';
import type { CounterTicket } from '../../contract/tickets';

const ticket = (id: string, status: CounterTicket['status']): CounterTicket => ({
  id,
  code: `code-${id}`,
  number: 'A001',
  status,
  priority: 'none',
  serviceId: 'svc',
  serviceName: { it: 's' },
  issuedAt: new Date(0).toISOString(),
  calledAt: null,
  startedAt: null,
  recallCount: 0,
  transferred: false,
  note: null,
});
const snap = (
  state: CounterSnapshot['counter']['state'],
  current: CounterTicket | null,
  staffId: string | null = 'me',
): CounterSnapshot =>
  ({
    counter: { id: 'c1', number: 1, name: 'Sportello 1', state, serviceIds: ['svc'], officeId: 'o', staffId },
    current,
    waiting: [],
    waitingTotal: 0,
    queues: [],
  }) as unknown as CounterSnapshot;

describe('counter work view', () => {
  it('allows calling only at an open counter without a ticket', () => {
    expect(allowedActions(snap('open', null))).toMatchObject({ callNext: true, close: true, recall: false, transfer: false });
    expect(allowedActions(snap('paused', null))).toMatchObject({ callNext: false, pause: true, close: true });
    expect(allowedActions(null)).toMatchObject({ callNext: false, pause: false, book: false });
  });

  it('allows recall, start and no-show for a called ticket; complete also while serving', () => {
    expect(allowedActions(snap('open', ticket('t', 'called')))).toMatchObject({
      callNext: false,
      recall: true,
      start: true,
      noShow: true,
      complete: true,
      close: false,
    });
    expect(allowedActions(snap('open', ticket('t', 'serving')))).toMatchObject({ recall: false, start: false, complete: true });
  });

  it('keeps an answered ticket while active, drops it when done, ignores a late answer about another', () => {
    const s = snap('open', ticket('t1', 'called'));
    expect(withTicket(s, ticket('t1', 'serving'))?.current?.status).toBe('serving');
    expect(withTicket(s, ticket('t1', 'completed'))?.current).toBeNull();
    expect(withTicket(s, ticket('t2', 'called'))).toBe(s);
    expect(withTicket(snap('open', null), ticket('t3', 'called'))?.current?.id).toBe('t3');
  });

  it("keeps the screen's queues when an update comes without them, takes them when it brings them", () => {
    const named = [{ serviceId: 'svc', name: { it: 'Anagrafe' } }] as unknown as CounterSnapshot['queues'];
    const renamed = [{ serviceId: 'svc', name: { it: 'Servizi demografici' } }] as unknown as CounterSnapshot['queues'];
    const prev = { ...snap('open', null), queues: named };
    const { queues: _dropped, ...bare } = { ...snap('open', ticket('t1', 'called')), waitingTotal: 4 };
    const next = withCounterUpdate(prev, bare);
    expect(next.queues).toBe(named);
    expect(next.current?.id).toBe('t1');
    expect(next.waitingTotal).toBe(4);
    expect(withCounterUpdate(prev, { ...bare, queues: renamed }).queues).toBe(renamed);
    // Another counter's queues are not this one's; none before the first snapshot either.
    expect(withCounterUpdate({ ...prev, counter: { ...prev.counter, id: 'c2' } }, bare).queues).toEqual([]);
    expect(withCounterUpdate(null, bare).queues).toEqual([]);
  });

  it('hides a dialog about a ticket that left the counter, and never shows it for the next one', () => {
    const open = workReducer(initialWorkState, { type: 'openDialog', kind: 'complete', ticketId: 't1' });
    expect(visibleDialog(open, 't1')).toBe('complete');
    expect(visibleDialog(open, null)).toBeNull();
    expect(visibleDialog(open, 't2')).toBeNull();
    const book = workReducer(initialWorkState, { type: 'openDialog', kind: 'book', ticketId: null });
    expect(visibleDialog(book, null)).toBe('book');
    expect(visibleDialog(workReducer(book, { type: 'closeDialog' }), null)).toBeNull();
  });

  it('reports a lost connection after a first connection or after the grace time', () => {
    expect(connectionLost(initialWorkState, false)).toBe(false);
    const seen = workReducer(initialWorkState, { type: 'connected' });
    expect(connectionLost(seen, false)).toBe(true);
    expect(connectionLost(seen, true)).toBe(false);
    expect(connectionLost(workReducer(initialWorkState, { type: 'graceOver' }), false)).toBe(true);
  });

  it('knows when the counter was closed or taken over elsewhere', () => {
    expect(closedElsewhere(snap('closed', null), 'me')).toBe(true);
    expect(closedElsewhere(snap('open', null, 'someone-else'), 'me')).toBe(true);
    expect(closedElsewhere(snap('open', null, 'me'), 'me')).toBe(false);
  });
});
