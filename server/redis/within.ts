/** How long a best-effort Redis check (rate limits, login throttling) waits before giving up. */
export const REDIS_WAIT_MS = 1000;

/**
 * Rejects when `p` has not settled within `ms`: ioredis queues commands while Redis is down
 * and retries them for a long time, and a request must not hang on a check it can do without.
 */
export function within<T>(p: Promise<T>, ms = REDIS_WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
