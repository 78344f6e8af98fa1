import { loadConfig } from '../../server/config';
import { redisKeys } from '../../server/redis/keys';
import { setRuntime, type Runtime } from '../../server/runtime';
import type { TestSpace } from './services';

/** Runs the domain functions in the test process itself, on the test space (no HTTP, no sockets). */
export function useInProcessRuntime(space: TestSpace): Runtime {
  const runtime: Runtime = {
    config: loadConfig({ REDIS_PREFIX: space.redisPrefix, DATABASE_URL: space.databaseUrl }),
    db: space.db,
    redis: space.redis,
    keys: redisKeys(space.redisPrefix),
    io: null,
    officeFeed: null,
    sessionSecret: 'test-secret',
    baseUrl: 'http://sportello.test',
  };
  setRuntime(runtime);
  return runtime;
}
