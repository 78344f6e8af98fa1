import { describe, expect, it } from 'vitest';
import { applyCall, displayReducer, initialDisplayState, queueRows, visibleQueues } from '../../display/calls';
import { isPlainCounterName, PLAIN_COUNTER_WORD } from '../../ui/counterName';
import { spellNumber, speechText } from '../../ui/speech';
import { messages } from '../../i18n/messages';
import type { CallInfo, DisplaySnapshot } from '../../contract/display';
import { queueFigures, type QueueInfo } from '../../contract/queues';
import { withFigures } from '../../ui/queueFigures';

const call = (number: string, seq: number, counterNumber = 1, ticketId = `t-${number}`, serviceId = 'svc'): CallInfo => ({
  ticketId,
  number,
  serviceId,
  counterNumber,
  counterName: `Sportello ${counterNumber}`,
  serviceName: { it: 's' },
  at: new Date(0).toISOString(),
  recall: false,
  seq,
  lang: 'it',
});
const queue = (serviceId: string, waiting: number, openCounters: number): QueueInfo => ({
  serviceId,
  prefix: 'A',
  name: { it: serviceId },
  waiting,
  oldestWaitMinutes: 0,
  estimatedWaitMinutes: waiting * 5,
  estimatedWaitMinMinutes: waiting * 4,
  estimatedWaitMaxMinutes: waiting * 5,
  openCounters,
});
const snapshot = (calls: CallInfo[], display: DisplaySnapshot['display'] = null, queues: QueueInfo[] = []): DisplaySnapshot => ({
  office: { id: 'o', name: { it: 'O' }, timeZone: 'Europe/Rome' },
  display,
  calls,
  queues,
  walkIn: { open: true },
  serverTime: new Date().toISOString(),
});
const limited = (serviceIds: string[] | null): DisplaySnapshot['display'] => ({
  id: 'd',
  slug: 'd',
  name: 'D',
  serviceIds,
  ticker: [],
});

describe('display calls', () => {
  it('keeps the newest first and at most 10', () => {
    let calls: CallInfo[] = [];
    for (let i = 1; i <= 12; i++) calls = applyCall(calls, call(`A${String(i).padStart(3, '0')}`, i));
    expect(calls).toHaveLength(10);
    expect(calls[0].number).toBe('A012');
    expect(calls[9].number).toBe('A003');
  });

  it('moves a recalled number to the top instead of duplicating it', () => {
    let calls = [call('A002', 2), call('A001', 1)];
    calls = applyCall(calls, { ...call('A001', 3), recall: true });
    expect(calls.map((c) => c.number)).toEqual(['A001', 'A002']);
    expect(calls[0].recall).toBe(true);
  });

  it('ignores a duplicate delivery of the same call', () => {
    const calls = [call('A002', 2), call('A001', 1)];
    expect(applyCall(calls, call('A002', 2))).toBe(calls);
  });

  it('orders a snapshot by seq and keeps a delta that overtook the acknowledgement', () => {
    const s = displayReducer(initialDisplayState, {
      type: 'snapshot',
      snapshot: snapshot([call('A001', 1), call('A002', 2)]),
      pending: [call('A003', 3), call('A000', 0)],
    });
    expect(s.calls.map((c) => c.number)).toEqual(['A003', 'A002', 'A001']);
  });

  it('keeps only the calls and queues of the services a display shows, from snapshot and deltas', () => {
    const a = call('A001', 1, 1, 't1', 'anagrafe');
    const t = call('T001', 2, 2, 't2', 'tributi');
    let s = displayReducer(initialDisplayState, {
      type: 'snapshot',
      snapshot: snapshot([a, t], limited(['anagrafe']), [queue('anagrafe', 2, 1), queue('tributi', 5, 1)]),
      pending: [call('T002', 3, 2, 't3', 'tributi')],
    });
    expect(s.calls.map((c) => c.number)).toEqual(['A001']);
    expect(s.queues.map((q) => q.serviceId)).toEqual(['anagrafe']);
    expect(displayReducer(s, { type: 'call', call: call('T003', 4, 2, 't4', 'tributi') })).toBe(s);
    s = displayReducer(s, { type: 'call', call: call('A002', 5, 1, 't5', 'anagrafe') });
    expect(s.calls.map((c) => c.number)).toEqual(['A002', 'A001']);
    s = displayReducer(s, {
      type: 'queues',
      update: { complete: false, figures: [queue('tributi', 9, 1), queue('anagrafe', 3, 1)].map(queueFigures) },
    });
    expect(s.queues.map((q) => [q.serviceId, q.name.it, q.waiting])).toEqual([['anagrafe', 'anagrafe', 3]]);
    // A whole-office display (null) shows everything.
    const all = displayReducer(initialDisplayState, { type: 'snapshot', snapshot: snapshot([a, t], limited(null)), pending: [] });
    expect(all.calls).toHaveLength(2);
  });

  it('takes fresh figures without names: known services keep theirs, dropped ones go, unknown ones wait for a snapshot', () => {
    const figures = [queue('b', 7, 2), queue('c', 1, 1)].map(queueFigures);
    expect(Object.keys(figures[0]!)).not.toContain('name');
    expect(Object.keys(figures[0]!)).not.toContain('prefix');
    const known = [queue('a', 1, 1), { ...queue('b', 2, 1), prefix: 'T', name: { it: 'Tributi' } }];
    const b = { ...queue('b', 7, 2), prefix: 'T', name: { it: 'Tributi' } };
    // Complete: a service it no longer lists was deactivated.
    expect(withFigures(known, { complete: true, figures })).toEqual([b]);
    // Only the changed ones: the others keep their figures.
    expect(withFigures(known, { complete: false, figures })).toEqual([queue('a', 1, 1), b]);
  });

  it('shows busy services first and summarises idle ones when they do not fit', () => {
    const qs = visibleQueues([queue('a', 0, 1), queue('b', 3, 1), queue('c', 0, 0), queue('d', 1, 0)]);
    expect(qs.map((q) => q.serviceId)).toEqual(['b', 'd', 'a']);
    const many = visibleQueues([...Array.from({ length: 30 }, (_, i) => queue(`idle${i}`, 0, 1)), queue('x', 2, 1)]);
    const rows = queueRows(many, 10);
    expect(rows.shown.map((q) => q.serviceId)).toEqual(['x']);
    expect(rows.hiddenIdle).toBe(30);
  });
});

describe('announcer text', () => {
  it('spells the number letter by letter', () => {
    expect(spellNumber('A012', messages.it)).toBe('A 0 1 2');
    expect(spellNumber('B007', messages.it)).toBe('Bi 0 0 7');
    expect(spellNumber('A012', messages.en)).toBe('ay 0 1 2');
  });
  it('builds the Italian and English sentences', () => {
    expect(speechText(call('A012', 1, 3), 'it', messages.it)).toBe('Numero A 0 1 2, sportello 3');
    expect(speechText(call('A012', 1, 3), 'en', messages.en)).toBe('Number ay 0 1 2, counter 3');
    expect(speechText({ number: 'S001', counterNumber: 1, counterName: 'Stanza colloqui 1' }, 'it', messages.it)).toBe(
      'Numero Esse 0 0 1, Stanza colloqui 1',
    );
  });
  it('recognises plain counter names', () => {
    expect(isPlainCounterName('Sportello 3', 3)).toBe(true);
    expect(isPlainCounterName('sportello  3', 3)).toBe(true);
    expect(isPlainCounterName('Anagrafe 1', 1)).toBe(false);
    // The rule's word is the Italian interface's word for a counter.
    expect(PLAIN_COUNTER_WORD).toBe(messages.it.display.counter);
  });
});
