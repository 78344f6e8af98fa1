import { describe, expect, it } from 'vitest';
import { initialScreenState, isOffline, screenReducer, type ScreenState } from '../../display/screen';
import type { CallInfo, DisplaySnapshot } from '../../contract/display';

const call = (number: string, seq: number, serviceId = 'svc'): CallInfo => ({
  ticketId: `t-${number}`,
  number,
  serviceId,
  counterNumber: 1,
  counterName: 'Sportello 1',
  serviceName: { it: 's' },
  at: new Date(0).toISOString(),
  recall: false,
  seq,
  lang: 'it',
});
const snapshot = (calls: CallInfo[], serverTime = '2026-12-02T09:00:00.000Z'): DisplaySnapshot => ({
  office: { id: 'o', name: { it: 'O' }, timeZone: 'Europe/Rome' },
  display: null,
  calls,
  queues: [],
  walkIn: { open: true },
  serverTime,
});
const NOW = Date.parse('2026-12-02T09:00:05.000Z');

describe('display screen state', () => {
  it('a snapshot replaces the board, announces nothing and measures the server clock', () => {
    const s = screenReducer(initialScreenState, { type: 'snapshot', snapshot: snapshot([call('A001', 4)]), now: NOW });
    expect(s.board.calls.map((c) => c.number)).toEqual(['A001']);
    expect(s.latest).toBeNull();
    expect(s.flashSeq).toBeNull();
    expect(s.lastSeq).toBe(4);
    expect(s.clockOffset).toBe(-5000);
  });

  it('a new call goes on top, flashes and is the one to announce; an old one is not announced again', () => {
    let s = screenReducer(initialScreenState, { type: 'snapshot', snapshot: snapshot([call('A001', 4)]), now: NOW });
    s = screenReducer(s, { type: 'call', call: call('A002', 5) });
    expect(s.board.calls[0].number).toBe('A002');
    expect(s.latest?.number).toBe('A002');
    expect(s.flashSeq).toBe(5);
    const replay = screenReducer(s, { type: 'call', call: call('A000', 3) });
    expect(replay.latest?.number).toBe('A002');
    expect(replay.lastSeq).toBe(5);
  });

  it('keeps deltas that overtook a re-subscribe and puts them over the older snapshot', () => {
    let s = screenReducer(initialScreenState, { type: 'snapshot', snapshot: snapshot([call('A001', 1)]), now: NOW });
    s = screenReducer(s, { type: 'call', call: call('A003', 3) });
    expect(s.pending.map((c) => c.seq)).toEqual([3]);
    s = screenReducer(s, { type: 'snapshot', snapshot: snapshot([call('A002', 2), call('A001', 1)]), now: NOW });
    expect(s.board.calls.map((c) => c.number)).toEqual(['A003', 'A002', 'A001']);
    expect(s.pending).toEqual([]);
    expect(s.lastSeq).toBe(3);
  });

  it('a lost connection drops the deltas kept for the next snapshot', () => {
    let s = screenReducer(initialScreenState, { type: 'snapshot', snapshot: snapshot([]), now: NOW });
    s = screenReducer(s, { type: 'call', call: call('A001', 1) });
    s = screenReducer(s, { type: 'connection', connected: false });
    expect(s.pending).toEqual([]);
  });

  it('a flash ends only for the call that flashes', () => {
    let s: ScreenState = screenReducer(initialScreenState, { type: 'call', call: call('A001', 1) });
    s = screenReducer(s, { type: 'call', call: call('A002', 2) });
    expect(screenReducer(s, { type: 'flashOver', seq: 1 }).flashSeq).toBe(2);
    expect(screenReducer(s, { type: 'flashOver', seq: 2 }).flashSeq).toBeNull();
  });

  it('says "offline" only after a first connection or after the grace time', () => {
    expect(isOffline(initialScreenState)).toBe(false);
    expect(isOffline(screenReducer(initialScreenState, { type: 'graceOver' }))).toBe(true);
    const up = screenReducer(initialScreenState, { type: 'connection', connected: true });
    expect(isOffline(up)).toBe(false);
    expect(isOffline(screenReducer(up, { type: 'connection', connected: false }))).toBe(true);
  });
});
