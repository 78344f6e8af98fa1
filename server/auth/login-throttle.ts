import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { log } from '../log';
import { within } from '../redis/within';
import { rt } from '../runtime';

/**
 * Failed logins counted in Redis (shared by every app process) per account and per client
 * address, over a 15-minute window. Once either count reaches its limit, every login for that
 * account or from that address waits until the window ends (429 with Retry-After), even with the
 * right password, so guessing cannot go on. A successful login clears the account's count.
 * If Redis does not answer, logins are let through with a log line: a Redis fault must not lock
 * every clerk out.
 */
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export class LoginThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'login_throttled', 'Too many failed logins: please wait before trying again', { retryAfterSeconds });
  }
}

type Limiters = { account: RateLimiterRedis; address: RateLimiterRedis };
const holder = globalThis as typeof globalThis & { __sportelloLoginLimiters?: { owner: object; limiters: Limiters } };

function limiters(): Limiters {
  const { redis, keys, config } = rt();
  const h = holder.__sportelloLoginLimiters;
  if (h && h.owner === redis) return h.limiters;
  const make = (per: 'account' | 'address', points: number) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: keys.loginFailures(per), points, duration: LOGIN_WINDOW_SECONDS });
  const fresh = {
    account: make('account', config.staffAuth.failuresPerAccount),
    address: make('address', config.staffAuth.failuresPerAddress),
  };
  holder.__sportelloLoginLimiters = { owner: redis, limiters: fresh };
  return fresh;
}

const accountKey = (username: string) => username.trim().toLowerCase();

/** Refuses with 429 while the account or the address has used up its failures. */
export async function requireLoginAllowed(username: string, address: string): Promise<void> {
  let res: [RateLimiterRes | null, RateLimiterRes | null];
  try {
    const l = limiters();
    res = await within(Promise.all([l.account.get(accountKey(username)), l.address.get(address)]));
  } catch (err) {
    log.warn({ err }, 'login throttle unavailable (Redis); login allowed');
    return;
  }
  const { failuresPerAccount, failuresPerAddress } = rt().config.staffAuth;
  const waits = [
    res[0] && res[0].consumedPoints >= failuresPerAccount ? res[0].msBeforeNext : 0,
    res[1] && res[1].consumedPoints >= failuresPerAddress ? res[1].msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  if (wait > 0) throw new LoginThrottled(Math.max(1, Math.ceil(wait / 1000)));
}

export async function recordLoginFailure(username: string, address: string): Promise<void> {
  const l = limiters();
  // consume() rejects with the limiter's state once the points are used up: that is expected here.
  const count = (p: Promise<unknown>) => p.catch((err: unknown) => (err instanceof Error ? Promise.reject(err) : undefined));
  await within(Promise.all([count(l.account.consume(accountKey(username))), count(l.address.consume(address))])).catch(
    (err: unknown) => log.warn({ err }, 'login failure not counted (Redis)'),
  );
}

export async function clearAccountFailures(username: string): Promise<void> {
  await within(limiters().account.delete(accountKey(username))).catch((err: unknown) =>
    log.warn({ err }, 'login failures not cleared (Redis)'),
  );
}
