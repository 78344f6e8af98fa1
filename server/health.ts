import { rt } from './runtime';

export async function health(): Promise<{ status: 'ok' | 'degraded'; db: 'ok' | 'down'; redis: 'ok' | 'down' }> {
  const { db, redis } = rt();
  const timeout = <T>(p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
  const [d, r] = await Promise.allSettled([timeout(db.$queryRaw`SELECT 1`), timeout(redis.ping())]);
  const dbOk = d.status === 'fulfilled';
  const redisOk = r.status === 'fulfilled';
  return { status: dbOk && redisOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'down', redis: redisOk ? 'ok' : 'down' };
}
