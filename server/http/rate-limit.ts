import { AppError } from '../errors';
import { rt } from '../runtime';

/**
 * Fixed one-minute window per client and bucket, counted in Redis so several app processes
 * share it. RATE_LIMIT_PER_MINUTE=0 turns it off (load tests), whatever `perMinute` a bucket has.
 */
export async function checkRateLimit(bucket: string, client: string, perMinute?: number): Promise<void> {
  const { config, redis, keys } = rt();
  const limit = perMinute ?? config.rateLimitPerMinute;
  if (config.rateLimitPerMinute <= 0 || limit <= 0) return;
  const window = Math.floor(Date.now() / 60_000);
  const key = keys.rateLimit(bucket, client, window);
  const [[, count]] = (await redis.multi().incr(key).expire(key, 90).exec()) as [[Error | null, number]];
  if (count > limit) throw new AppError(429, 'rate_limited', 'Too many requests, please wait a minute');
}
