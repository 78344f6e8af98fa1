import { AppError } from '../errors';
import { log } from '../log';
import { within } from '../redis/within';
import { rt } from '../runtime';
import { rateLimitSubject } from './client-address';

/**
 * Fixed one-minute window per client and bucket, counted in Redis so several app processes
 * share it. IPv6 clients count per /64. RATE_LIMIT_PER_MINUTE=0 turns it off (load tests).
 * When Redis does not answer, the request goes through with a log line: an unlimited minute
 * is better than a desk that cannot issue tickets or log clerks in.
 */
export async function checkRateLimit(bucket: string, client: string, now = Date.now(), perMinute?: number): Promise<void> {
  const { config, redis, keys } = rt();
  const limit = perMinute ?? config.rateLimitPerMinute;
  if (config.rateLimitPerMinute <= 0 || limit <= 0) return;
  const window = Math.floor(now / 60_000);
  const key = keys.rateLimit(bucket, rateLimitSubject(client), window);
  let count: number;
  try {
    count = await within(
      redis
        .multi()
        .incr(key)
        .expire(key, 90)
        .exec()
        .then((r) => {
          const [err, value] = (r ?? [])[0] ?? [new Error('transaction discarded'), 0];
          if (err) throw err;
          return Number(value);
        }),
    );
  } catch (err) {
    log.warn({ err, bucket }, 'rate limit not checked: Redis unavailable, request let through');
    return;
  }
  if (count > limit) throw new AppError(429, 'rate_limited', 'Too many requests, please wait a minute');
}
