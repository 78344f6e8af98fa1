import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, runScriptNow } from '../../server/queue/scripts';
import { startRedisServer, type RedisServer } from '../helpers/redis-sentinel';

/**
 * The Lua scripts run by SHA and fall back to sending their source when Redis does not know them
 * (NOSCRIPT: a new or restarted Redis). A Redis of the test's own, so that no other run's scripts
 * are loaded in it and flushing them touches nobody else.
 */
describe('Lua scripts (queue/scripts.ts)', () => {
  let server: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url, { enableAutoPipelining: true });
  });
  afterAll(async () => {
    redis.disconnect();
    await server.kill();
  });

  for (const [name, run] of [
    ['runScript', runScript],
    ['runScriptNow', runScriptNow],
  ] as const) {
    it(`${name} runs a script Redis does not know yet, and again once it is flushed`, async () => {
      await redis.script('FLUSH');
      await redis.set('lease', 'mine');
      // release_lease.lua: deletes the lease only for the token that holds it.
      expect(await run(redis, 'release_lease', ['lease'], ['not mine'])).toBe(0);
      expect(await redis.get('lease')).toBe('mine');
      expect(await run(redis, 'release_lease', ['lease'], ['mine'])).toBe(1);
      expect(await redis.exists('lease')).toBe(0);
    });
  }

  it('runScriptNow writes its command at once, ahead of the auto-pipeline', async () => {
    await redis.set('lease', 'mine');
    const other = new Redis(server.url);
    try {
      await other.ping(); // connected, so its next command leaves at once
      const released = runScriptNow(redis, 'release_lease', ['lease'], ['mine']);
      // Asked through another connection before this process's next turn: the release is there first.
      expect(await other.exists('lease')).toBe(0);
      expect(await released).toBe(1);
    } finally {
      other.disconnect();
    }
  });
});
