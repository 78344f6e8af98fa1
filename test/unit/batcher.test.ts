import { describe, expect, it } from 'vitest';
import { Batcher } from '../../server/db/batcher';

interface Item {
  lane: string;
  key: string;
  value: number;
}

/** A send that records its statements and answers when the test lets it. */
function recorder(fail?: (items: readonly Item[]) => boolean) {
  const statements: string[][] = [];
  const pending: (() => void)[] = [];
  const batcher = new Batcher<Item, number>({
    send: (items) => {
      statements.push(items.map((i) => `${i.lane}:${i.key}`));
      return new Promise((resolve, reject) =>
        pending.push(() =>
          fail?.(items) ? reject(new Error(`refused ${items.length}`)) : resolve(items.map((i) => i.value * 10)),
        ),
      );
    },
    laneOf: (i) => i.lane,
    apart: (i) => [i.key],
  });
  /** Answers every statement under way, then lets the batcher send the next ones. */
  const answerAll = async () => {
    while (pending.length) {
      pending.splice(0).forEach((answer) => answer());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { batcher, statements, answerAll };
}

/** Group commit in the app (server/db/batcher.ts). */
describe('write batcher', () => {
  it('sends the first item at once and those that arrive meanwhile together, in order, each getting its own answer', async () => {
    const { batcher, statements, answerAll } = recorder();
    const first = batcher.run({ lane: 'a', key: 't1', value: 1 });
    expect(statements).toEqual([['a:t1']]); // no waiting for company
    const rest = [2, 3, 4].map((v) => batcher.run({ lane: 'a', key: `t${v}`, value: v }));
    expect(statements).toHaveLength(1);
    await answerAll();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(statements).toEqual([['a:t1'], ['a:t2', 'a:t3', 'a:t4']]);
  });

  it('runs lanes side by side', async () => {
    const { batcher, statements, answerAll } = recorder();
    const answers = Promise.all([
      batcher.run({ lane: 'a', key: 'x', value: 1 }),
      batcher.run({ lane: 'b', key: 'y', value: 2 }),
      batcher.run({ lane: 'a', key: 'z', value: 3 }),
    ]);
    expect(statements).toEqual([['a:x'], ['b:y']]);
    await answerAll();
    expect(await answers).toEqual([10, 20, 30]);
    expect(statements).toEqual([['a:x'], ['b:y'], ['a:z']]);
  });

  it('never puts two items with one key in a statement: the later one waits for the next', async () => {
    const { batcher, statements, answerAll } = recorder();
    const answers = Promise.all(['k0', 'k1', 'k2', 'k1', 'k3', 'k1'].map((key, value) => batcher.run({ lane: 'a', key, value })));
    await answerAll();
    expect(await answers).toEqual([0, 10, 20, 30, 40, 50]);
    expect(statements).toEqual([['a:k0'], ['a:k1', 'a:k2', 'a:k3'], ['a:k1'], ['a:k1']]);
  });

  it('sends each item of a refused statement alone, so that only the bad one fails', async () => {
    const { batcher, statements, answerAll } = recorder((items) => items.some((i) => i.key === 'bad'));
    const results = Promise.allSettled(['ok1', 'ok2', 'bad', 'ok3'].map((key, value) => batcher.run({ lane: 'a', key, value })));
    await answerAll();
    expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      0,
      10,
      'refused 1',
      30,
    ]);
    expect(statements).toEqual([['a:ok1'], ['a:ok2', 'a:bad', 'a:ok3'], ['a:ok2'], ['a:bad'], ['a:ok3']]);
  });

  it('keeps working after a lane went idle', async () => {
    const { batcher, statements, answerAll } = recorder();
    const one = batcher.run({ lane: 'a', key: 'x', value: 1 });
    await answerAll();
    expect(await one).toBe(10);
    const two = batcher.run({ lane: 'a', key: 'x', value: 2 });
    expect(statements).toEqual([['a:x'], ['a:x']]); // sent at once again
    await answerAll();
    expect(await two).toBe(20);
  });
});
