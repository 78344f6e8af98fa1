import { Pipeline } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordShown } from '../../server/estimates/calibration';
import type { WaitEstimate } from '../../server/estimates/wait-model';
import { rt } from '../../server/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { useInProcessRuntime } from '../helpers/runtime';

const estimate = (p50: number): WaitEstimate => ({ minutes: p50, low: p50 - 2, high: p50 + 3, p10: p50 - 2, p50, p90: p50 + 3 });
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 8, minute));

/**
 * Each ticket's first estimate is what calibration (estimates/calibration.ts) sets against its
 * real wait; the feed estimates every waiting ticket again at each pass, and only tickets new
 * since the last pass are sent to Redis.
 */
describe('first estimates', () => {
  let space: TestSpace;
  beforeAll(async () => {
    space = await createTestSpace({ seed: false });
    useInProcessRuntime(space);
  });
  afterAll(async () => space.drop());
  afterEach(() => vi.restoreAllMocks());

  it('keeps each ticket’s first estimate and sends only the new tickets', async () => {
    const exec = vi.spyOn(Pipeline.prototype, 'exec');
    await recordShown(
      'office-1',
      new Map([
        ['a', estimate(10)],
        ['b', estimate(20)],
      ]),
      at(0),
    );
    await recordShown(
      'office-1',
      new Map([
        ['a', estimate(12)],
        ['b', estimate(22)],
        ['c', estimate(30)],
      ]),
      at(1),
    );
    await recordShown(
      'office-1',
      new Map([
        ['b', estimate(21)],
        ['c', estimate(31)],
      ]),
      at(2),
    );
    expect(await rt().redis.hgetall(rt().keys.waitShown('office-1'))).toEqual({
      a: `${at(0).getTime()},8,10,13`,
      b: `${at(0).getTime()},18,20,23`,
      c: `${at(1).getTime()},28,30,33`,
    });
    // Two HSETNX and an EXPIRE, then one HSETNX and an EXPIRE, then nothing.
    expect((exec.mock.contexts as Pipeline[]).map((pipe) => pipe.length)).toEqual([3, 2]);
  });

  it('a ticket of a pass whose write failed is sent again at the next one', async () => {
    vi.spyOn(Pipeline.prototype, 'exec').mockRejectedValueOnce(new Error('Redis is down'));
    await expect(recordShown('office-2', new Map([['d', estimate(5)]]), at(0))).rejects.toThrow('Redis is down');
    await recordShown('office-2', new Map([['d', estimate(6)]]), at(1));
    expect(await rt().redis.hgetall(rt().keys.waitShown('office-2'))).toEqual({ d: `${at(1).getTime()},4,6,9` });
  });
});
