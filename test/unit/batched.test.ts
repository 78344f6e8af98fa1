import { describe, expect, it } from 'vitest';
import { batched } from '../../server/socket/batched';

/** Screens subscribing in one turn of the event loop share their look-ups (server/socket/batched.ts). */
describe('batched look-ups', () => {
  it('loads the keys of one turn together, in parts of at most maxKeys, each caller getting its own value', async () => {
    const calls: string[][] = [];
    const get = batched(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    }, 2);
    const answers = await Promise.all(['a', 'b', 'c', 'missing'].map(get));
    expect(answers).toEqual(['A', 'B', 'C', undefined]);
    expect(calls).toEqual([
      ['a', 'b'],
      ['c', 'missing'],
    ]);
    // A later turn is a new look-up: nothing is kept from the first.
    expect(await get('a')).toBe('A');
    expect(calls).toHaveLength(3);
  });

  it('a failed look-up fails the callers of its part only', async () => {
    const get = batched(async (keys: string[]) => {
      if (keys.includes('bad')) throw new Error('db down');
      return new Map(keys.map((k) => [k, k]));
    }, 1);
    const [good, bad] = await Promise.allSettled([get('good'), get('bad')]);
    expect(good).toEqual({ status: 'fulfilled', value: 'good' });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('db down') });
  });
});
