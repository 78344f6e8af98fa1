import { createHook } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_TURN, MIN_ANSWER_BYTES, paced } from '../../server/socket/pacing';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('answers paced over turns of the event loop', () => {
  it('writes at most BYTES_PER_TURN in one turn; the rest go in the next turns, in order', async () => {
    const written: string[][] = [];
    let current: string[] = [];
    const mark = (name: string) => () => void current.push(name);
    const big = Math.floor(BYTES_PER_TURN * 0.6);
    const all = [
      paced(big).then(mark('display 1')),
      paced(big).then(mark('display 2')), // would pass the turn's budget
      paced(1024).then(mark('phone')), // still fits in the first turn
      paced(big).then(mark('display 3')),
    ];
    // This turn's (every promise settled, no I/O phase passed), then each next turn's.
    await new Promise((resolve) => process.nextTick(resolve));
    for (let i = 0; i < 4; i++) {
      written.push(current);
      current = [];
      await turn();
    }
    await Promise.all(all);
    expect(written.filter((w) => w.length > 0)).toEqual([['display 1', 'phone'], ['display 2'], ['display 3']]);
  });

  it('lets an answer larger than a whole turn through alone', async () => {
    let done = false;
    const p = paced(BYTES_PER_TURN * 3).then(() => (done = true));
    await turn();
    expect(done).toBe(true);
    await p;
  });

  it('wakes only the answers it lets through: a waiting answer costs nothing per turn', async () => {
    // Half a turn's bytes each: 400 answers go out two per turn, over 200 turns.
    const half = Math.floor(BYTES_PER_TURN / 2);
    let immediates = 0;
    const hook = createHook({ init: (_id, type) => void (type === 'Immediate' && immediates++) }).enable();
    let turns = 0;
    let out = 0;
    try {
      const all = Array.from({ length: 400 }, () => paced(half).then(() => void out++));
      while (out < 400) {
        await turn();
        turns++;
      }
      await Promise.all(all);
    } finally {
      hook.disable();
    }
    expect(turns).toBeGreaterThanOrEqual(199);
    // One for the pacing and one for this test's own wait per turn; waking every waiting answer
    // at every turn (as before) would be about 40,000.
    expect(immediates).toBeLessThanOrEqual(3 * turns);
  });

  it('counts a small answer as a share of the turn all the same: phones answered a few dozen per turn', async () => {
    const perTurn = BYTES_PER_TURN / MIN_ANSWER_BYTES;
    const turnOf: number[] = [];
    let current = 0;
    const all = Array.from({ length: 3 * perTurn }, () => paced(1024).then(() => void turnOf.push(current)));
    await new Promise((resolve) => process.nextTick(resolve));
    for (current = 1; turnOf.length < all.length; current++) await turn();
    await Promise.all(all);
    const counts = [0, 1, 2].map((k) => turnOf.filter((t) => t === turnOf[0]! + k).length);
    expect(counts).toEqual([perTurn, perTurn, perTurn]);
  });
});
