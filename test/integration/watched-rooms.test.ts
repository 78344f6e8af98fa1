/**
 * The marks that tell every process's office feed whether a costly room (the supervisors' live
 * view) has a screen anywhere (realtime/watched-rooms.ts), on real Redis.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooms } from '../../server/realtime/rooms';
import { isWatched, markWatched, WATCH_TTL_MS } from '../../server/realtime/watched-rooms';
import type { Runtime } from '../../server/runtime';
import { useInProcessRuntime } from '../helpers/runtime';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let runtime: Runtime;

beforeAll(async () => {
  space = await createTestSpace();
  runtime = useInProcessRuntime(space);
});

afterAll(async () => {
  await space?.drop();
});

describe('watched rooms', () => {
  it('a room nobody marked is not watched; a mark makes it watched everywhere, for WATCH_TTL_MS', async () => {
    const room = rooms.supervisor('office-1');
    expect(await isWatched(room)).toBe(false);
    await markWatched(room);
    expect(await isWatched(room)).toBe(true);
    expect(await isWatched(rooms.supervisor('office-2'))).toBe(false);
    const ttl = await space.redis.pttl(runtime.keys.watchedRoom(room));
    expect(ttl).toBeGreaterThan(WATCH_TTL_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(WATCH_TTL_MS);
    // Expired (the process that marked it is gone, or its screen left): not watched any more.
    await space.redis.pexpire(runtime.keys.watchedRoom(room), 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await isWatched(room)).toBe(false);
  });

  it('when Redis cannot say, the room is taken as watched', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    down.on('error', () => undefined);
    const saved = runtime.redis;
    runtime.redis = down;
    try {
      expect(await isWatched(rooms.supervisor('office-3'))).toBe(true);
    } finally {
      runtime.redis = saved;
      down.disconnect();
    }
  });
});
