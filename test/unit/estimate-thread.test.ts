import { afterEach, describe, expect, it } from 'vitest';
import { estimateOnThread } from '../../server/estimates/estimate-on-thread';
import { IDLE_MS, startEstimateThread, type EstimateThread, type PlainWaitState } from '../../server/estimates/estimate-thread';
import { buildHistory, type HistoryRows } from '../../server/estimates/history';
import { localMinutes } from '../../server/estimates/local-minutes';
import { estimateWaits, type Calibration } from '../../server/estimates/wait-model';

const MIN = 60_000;
/** 10:00 in Rome on 2 December 2026. */
const NOW = Date.UTC(2026, 11, 2, 9, 0);
const TZ = 'Europe/Rome';
const calibration: Calibration = { spread: 1.2 };

const rows = (minutes: number): HistoryRows => ({
  visits: [
    { serviceId: 'A', hour: 10, n: 200, sum: 200 * minutes, sumSq: 200 * minutes * minutes * 1.4 },
    { serviceId: 'B', hour: 10, n: 100, sum: 100 * 4, sumSq: 100 * 16 * 1.3 },
  ],
  noShows: { n: 10, minutes: 2 },
  transfers: { n: 5, minutes: 3 },
  leaving: { n: 4, minutes: 4000 },
  arrivals: [{ day: '2026-11-25', hour: 10, n: 30 }],
  mix: [
    { serviceId: 'A', n: 200 },
    { serviceId: 'B', n: 100 },
  ],
  priorities: [{ priority: 'none', n: 300 }],
  expected: new Map([
    ['A', 10],
    ['B', 4],
  ]),
  counterEvents: [],
});

const state: PlainWaitState = {
  now: NOW,
  counters: [0, 1, 2].map((i) => ({
    id: `c${i}`,
    staffId: `s${i}`,
    services: new Map([
      ['A', 0],
      ['B', i * 60_000],
    ]),
    paused: false,
    pausedAt: null,
    busy: i === 0 ? { serviceId: 'A', calledAt: NOW - 3 * MIN } : null,
  })),
  closedCounters: [],
  pausedToday: new Map(),
  waiting: Array.from({ length: 40 }, (_, i) => ({
    id: `t${String(i).padStart(2, '0')}`,
    serviceId: i % 3 ? 'A' : 'B',
    priority: 'none' as const,
    queuedAt: NOW - (40 - i) * 30_000,
    targetCounterId: null,
    targetStaffId: null,
  })),
  appointments: [],
  walkInUntil: NOW + 120 * MIN,
  walkInsToday: 60,
  probes: ['A', 'B'],
};

/** The estimate computed here, in this thread. */
const here = (r: HistoryRows) => estimateWaits({ ...state, minuteOf: localMinutes(TZ), history: buildHistory(r) }, calibration);

describe('the wait estimate on its own thread', () => {
  let thread: EstimateThread | undefined;
  afterEach(() => thread?.stop());

  it('gives the figures the main thread would, and takes the history rows once per version', async () => {
    thread = startEstimateThread();
    const first = await thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, state, calibration);
    expect(first).toEqual(here(rows(8)));
    expect(first.tickets.size).toBe(40);
    // Same version with other rows: the thread keeps the history it built, so the rows did not cross.
    expect(await thread.estimate('o1', TZ, { version: 1, rows: rows(16) }, state, calibration)).toEqual(first);
    // A new version crosses, and changes the figures.
    const longer = await thread.estimate('o1', TZ, { version: 2, rows: rows(16) }, state, calibration);
    expect(longer).toEqual(here(rows(16)));
    expect(longer.tickets.get('t39')!.minutes).toBeGreaterThan(first.tickets.get('t39')!.minutes);
  });

  it('ends when idle, and the next estimate starts a new thread that gets the history again', async () => {
    thread = startEstimateThread(undefined, 50);
    const first = await thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, state, calibration);
    await new Promise((r) => setTimeout(r, 300));
    // The same version with other rows: a new thread holds no history, so these rows cross and count.
    const again = await thread.estimate('o1', TZ, { version: 1, rows: rows(16) }, state, calibration);
    expect(again).toEqual(here(rows(16)));
    expect(again).not.toEqual(first);
  });

  it('fails an estimate it cannot make instead of hanging, and goes on with the next', async () => {
    thread = startEstimateThread();
    const broken = { ...state, counters: null } as unknown as PlainWaitState;
    await expect(thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, broken, calibration)).rejects.toThrow(/wait estimate/);
    expect(await thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, state, calibration)).toEqual(here(rows(8)));
  });

  it('after the thread died, fails what was under way, and the next estimate starts a new thread', async () => {
    // A thread that dies at its first message, then the real one.
    const dying = new URL(
      'data:text/javascript,import{parentPort}from"node:worker_threads";parentPort.on("message",()=>process.exit(7))',
    );
    thread = startEstimateThread(dying);
    await expect(thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, state, calibration)).rejects.toThrow(/exited \(7\)/);
    await expect(thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, state, calibration)).rejects.toThrow(/exited \(7\)/);
  });

  it('ends a thread that gives no answer in time, and keeps one that answers', async () => {
    // A thread that never answers, the first time only: the file is read anew by each thread.
    const silent = new URL('data:text/javascript,import{parentPort}from"node:worker_threads";parentPort.on("message",()=>{})');
    thread = startEstimateThread(silent, IDLE_MS, 200);
    await expect(thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, state, calibration)).rejects.toThrow(
      /no answer in 200 ms/,
    );
    await thread.stop();
    // Starting a thread from the sources takes most of a second here.
    thread = startEstimateThread(undefined, IDLE_MS, 2000);
    // A real estimate is well within it; the timer of the estimate that answered does not end the thread.
    expect(await thread.estimate('o1', TZ, { version: 1, rows: rows(8) }, state, calibration)).toEqual(here(rows(8)));
    await new Promise((r) => setTimeout(r, 2300));
    // Still the same thread: it holds version 1, so these other rows do not cross.
    expect(await thread.estimate('o1', TZ, { version: 1, rows: rows(16) }, state, calibration)).toEqual(here(rows(8)));
  });

  it('is computed here when there is no thread or the thread fails', async () => {
    const dying = new URL(
      'data:text/javascript,import{parentPort}from"node:worker_threads";parentPort.on("message",()=>process.exit(7))',
    );
    thread = startEstimateThread(dying);
    let asked = 0;
    const hereWith = async () => {
      asked++;
      return here(rows(8));
    };
    const args = ['o1', TZ, { version: 1, rows: rows(8) }, state, calibration] as const;
    expect(await estimateOnThread(thread, [...args], hereWith)).toEqual(here(rows(8)));
    expect(asked).toBe(1);
    expect(await estimateOnThread(undefined, [...args], hereWith)).toEqual(here(rows(8)));
    expect(asked).toBe(2);
    // A working thread answers without the main thread's help.
    await thread.stop();
    thread = startEstimateThread();
    expect(await estimateOnThread(thread, [...args], hereWith)).toEqual(here(rows(8)));
    expect(asked).toBe(2);
  });
});
