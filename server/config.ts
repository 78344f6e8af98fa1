import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Namespace for every Redis key, BullMQ queue and socket.io channel of this installation. */
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('sportello'),
  SESSION_SECRET: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  TIME_ZONE: z.string().default('Europe/Rome'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  DATA_DIR: z.string().default('data'),
  SEED_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  NODE_ENV: z.string().default('production'),
  LOG_LEVEL: z.string().default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string;
  redisPrefix: string;
  sessionSecret: string | undefined;
  publicBaseUrl: string | undefined;
  timeZone: string;
  rateLimitPerMinute: number;
  dataDir: string;
  seedDemo: boolean | undefined;
  dev: boolean;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    sessionSecret: e.SESSION_SECRET,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    timeZone: e.TIME_ZONE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    dataDir: path.resolve(e.DATA_DIR),
    seedDemo: e.SEED_DEMO === undefined ? undefined : e.SEED_DEMO === '1' || e.SEED_DEMO === 'true',
    dev: e.NODE_ENV === 'development',
  };
}
