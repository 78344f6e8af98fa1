import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/client-address';
import { parsePrinterNetworks, type Cidr } from './printing/printer-networks';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Namespace for every Redis key, BullMQ queue and socket.io channel of this installation. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/)
    .default('sportello'),
  SESSION_SECRET: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Reverse proxies whose X-Forwarded-For/-Proto we believe: a hop count, or addresses and CIDRs. */
  TRUST_PROXY: z.string().optional(),
  TIME_ZONE: z.string().default('Europe/Rome'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  DATA_DIR: z.string().default('data'),
  SEED_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  NODE_ENV: z.string().default('production'),
  LOG_LEVEL: z.string().default('info'),
  /** Bearer token required by GET /metrics; unset = open (scrape targets usually sit on a private network). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Appointments: how many hours before the start the citizen may still cancel or move it. */
  BOOKING_CHANGE_DEADLINE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** Check-in at the kiosk opens this many minutes before the booked time... */
  CHECKIN_EARLY_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
  /** ...and closes this many minutes after it (later: a walk-in ticket is offered; the appointment is a no-show). */
  CHECKIN_LATE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
  /** Reminder e-mails, hours before the appointment, comma-separated ("48,2"; empty = none). */
  APPOINTMENT_REMINDER_HOURS: z
    .string()
    .regex(/^\s*(\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*)*)?$/, 'comma-separated hours, e.g. 48,2')
    .default('48,2'),
  /** Names, e-mails and phones of past appointments are erased this many days after the appointment. */
  APPOINTMENT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** smtp(s)://user:pass@host:port — unset: e-mails are written as .eml files to DATA_DIR/outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Sportello <noreply@sportello.invalid>'),
  /** Networks (CIDR list) the server may open printer connections to (print mode `server`); none by default. */
  PRINTER_NETWORKS: z.string().default(''),
  /** Roles that read personal data of every office; other staff only of the offices they work in. */
  PERSONAL_DATA_ALL_OFFICES_ROLES: z
    .string()
    .regex(/^\s*((operator|supervisor|admin)\s*(,\s*(operator|supervisor|admin)\s*)*)?$/, 'roles, e.g. supervisor,admin')
    .default('supervisor,admin'),
  /** Anonymous web clients (no kiosk credential, no staff session): tickets per address and minute. */
  WEB_TICKETS_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  /** Manage-link signing keys, `id:secret` comma-separated, newest first (signs); all verify. */
  MANAGE_LINK_KEYS: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string;
  redisPrefix: string;
  sessionSecret: string | undefined;
  publicBaseUrl: string | undefined;
  trustProxy: TrustProxy;
  timeZone: string;
  rateLimitPerMinute: number;
  dataDir: string;
  seedDemo: boolean | undefined;
  dev: boolean;
  metricsToken: string | undefined;
  appointments: {
    changeDeadlineHours: number;
    checkinEarlyMinutes: number;
    checkinLateMinutes: number;
    /** Descending, distinct. */
    reminderHours: number[];
    retentionDays: number;
  };
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string };
  printerNetworks: Cidr[];
  personalDataAllOfficesRoles: ('operator' | 'supervisor' | 'admin')[];
  webTicketsPerMinute: number;
  /** Raw `MANAGE_LINK_KEYS` (parsed by server/appointments/manage-token.ts); unset: one key from SESSION_SECRET. */
  manageLinkKeys: string | undefined;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let trustProxy: TrustProxy;
  let printerNetworks: Cidr[];
  try {
    trustProxy = parseTrustProxy(e.TRUST_PROXY);
    printerNetworks = parsePrinterNetworks(e.PRINTER_NETWORKS);
  } catch (err) {
    throw new Error(`Invalid configuration:\n  ${(err as Error).message}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    sessionSecret: e.SESSION_SECRET,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    trustProxy,
    timeZone: e.TIME_ZONE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    dataDir: path.resolve(e.DATA_DIR),
    seedDemo: e.SEED_DEMO === undefined ? undefined : e.SEED_DEMO === '1' || e.SEED_DEMO === 'true',
    dev: e.NODE_ENV === 'development',
    metricsToken: e.METRICS_TOKEN || undefined,
    appointments: {
      changeDeadlineHours: e.BOOKING_CHANGE_DEADLINE_HOURS,
      checkinEarlyMinutes: e.CHECKIN_EARLY_MINUTES,
      checkinLateMinutes: e.CHECKIN_LATE_MINUTES,
      reminderHours: [
        ...new Set(
          e.APPOINTMENT_REMINDER_HOURS.split(',')
            .map((x) => x.trim())
            .filter(Boolean)
            .map(Number),
        ),
      ]
        .filter((h) => h > 0)
        .sort((a, b) => b - a),
      retentionDays: e.APPOINTMENT_RETENTION_DAYS,
    },
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM, outboxDir: path.join(path.resolve(e.DATA_DIR), 'outbox') },
    printerNetworks,
    personalDataAllOfficesRoles: e.PERSONAL_DATA_ALL_OFFICES_ROLES.split(',')
      .map((r) => r.trim())
      .filter(Boolean) as Config['personalDataAllOfficesRoles'],
    webTicketsPerMinute: e.WEB_TICKETS_PER_MINUTE,
    manageLinkKeys: e.MANAGE_LINK_KEYS || undefined,
  };
}
