import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/client-address';
import { parsePrinterNetworks, type Cidr } from './printing/printer-networks';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Redis Sentinel: `host:port,host:port,…` of the sentinels; when set, REDIS_URL is not used. */
  REDIS_SENTINELS: z
    .string()
    .regex(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/, 'comma-separated host:port list')
    .optional(),
  /** The primary's name the sentinels monitor (`sentinel monitor <name> …`). */
  REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
  /** Password of the sentinels themselves (`requirepass` in sentinel.conf), if any. */
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  /** Password of the Redis servers (behind the sentinels, or instead of putting it in REDIS_URL). */
  REDIS_PASSWORD: z.string().min(1).optional(),
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
  /** How often Redis is made to match PostgreSQL again, besides at start and on every Redis reconnect. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  DATA_DIR: z.string().default('data'),
  SEED_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  /** `0`: the day close runs only at start, not at local midnight (the tests: a midnight would close their tickets mid-test). */
  DAY_CLOSE_AT_MIDNIGHT: z.enum(['0', '1', 'true', 'false']).default('1'),
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
  /** Staff sessions end after this many minutes without a request: operators (a clerk's day has pauses)... */
  STAFF_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** ...supervisors and admins (whose rights are wider, and whose screens are left open more often). */
  ADMIN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(20),
  /** Failed logins per account (and per client address) within 15 minutes before further tries wait. */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(20),
  /** Online bookings hold the place this many minutes until the e-mailed link confirms them. */
  BOOKING_CONFIRM_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Online bookings one e-mail address or phone number may make per day (0 = no limit). */
  BOOKINGS_PER_CONTACT_PER_DAY: z.coerce.number().int().min(0).max(1000).default(3),
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
  /** How long the open data of GET /api/public/waits may be cached, and how often /attese asks again (seconds). */
  PUBLIC_WAITS_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Citizens' sign-in with OpenID Connect (SPID/CIE through the town's gateway): the provider's issuer. Unset: e-mail codes only. */
  OIDC_ISSUER_URL: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Unset: a public client (PKCE only, no client authentication at the token endpoint). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/\bopenid\b/, 'must include openid')
    .default('openid profile email'),
  /** The claim (ID token or userinfo) carrying the fiscal code; a `TINIT-` prefix (SPID) is removed. */
  OIDC_FISCAL_CODE_CLAIM: z.string().min(1).default('fiscal_number'),
});

/** Where the town's OpenID provider is; null when none is configured (e-mail codes only). */
export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  fiscalCodeClaim: string;
  /** Plain http is accepted only for a provider on loopback (tests, a local gateway). */
  insecure: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function oidcConfig(e: z.infer<typeof envSchema>): OidcConfig | null {
  if (!e.OIDC_ISSUER_URL) return null;
  if (!e.OIDC_CLIENT_ID) throw new Error('Invalid configuration:\n  OIDC_CLIENT_ID: required with OIDC_ISSUER_URL');
  const url = new URL(e.OIDC_ISSUER_URL);
  const insecure = url.protocol === 'http:';
  if (insecure && !LOOPBACK.has(url.hostname))
    throw new Error('Invalid configuration:\n  OIDC_ISSUER_URL: must be https (plain http only for a provider on loopback)');
  if (url.protocol !== 'https:' && !insecure) throw new Error('Invalid configuration:\n  OIDC_ISSUER_URL: must be https');
  return {
    issuerUrl: e.OIDC_ISSUER_URL,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    scopes: e.OIDC_SCOPES.trim().split(/\s+/).join(' '),
    fiscalCodeClaim: e.OIDC_FISCAL_CODE_CLAIM.trim(),
    insecure,
  };
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string;
  /** Set when Redis is reached through Sentinel (then redisUrl is not used). */
  redisSentinel: { sentinels: { host: string; port: number }[]; name: string; sentinelPassword?: string } | null;
  /** Password of the Redis servers, when not in REDIS_URL (always so with Sentinel). */
  redisPassword: string | undefined;
  redisPrefix: string;
  sessionSecret: string | undefined;
  publicBaseUrl: string | undefined;
  trustProxy: TrustProxy;
  timeZone: string;
  rateLimitPerMinute: number;
  /** GET /api/public/waits: Cache-Control max-age and the /attese page's refresh, seconds. */
  publicWaitsRefreshSeconds: number;
  reconcileIntervalSeconds: number;
  dataDir: string;
  seedDemo: boolean | undefined;
  dayCloseAtMidnight: boolean;
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
  staffAuth: {
    operatorIdleMinutes: number;
    adminIdleMinutes: number;
    failuresPerAccount: number;
    failuresPerAddress: number;
  };
  booking: { confirmMinutes: number; perContactPerDay: number };
  /** Citizens' OpenID Connect sign-in; null: not configured (`strong` services are not offered). */
  oidc: OidcConfig | null;
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
    redisSentinel: e.REDIS_SENTINELS
      ? {
          sentinels: e.REDIS_SENTINELS.split(',').map((hp) => {
            const [host, port] = hp.trim().split(':');
            return { host, port: Number(port) };
          }),
          name: e.REDIS_SENTINEL_NAME,
          sentinelPassword: e.REDIS_SENTINEL_PASSWORD,
        }
      : null,
    redisPassword: e.REDIS_PASSWORD,
    redisPrefix: e.REDIS_PREFIX,
    sessionSecret: e.SESSION_SECRET,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    trustProxy,
    timeZone: e.TIME_ZONE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    publicWaitsRefreshSeconds: e.PUBLIC_WAITS_REFRESH_SECONDS,
    reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
    dataDir: path.resolve(e.DATA_DIR),
    seedDemo: e.SEED_DEMO === undefined ? undefined : e.SEED_DEMO === '1' || e.SEED_DEMO === 'true',
    dayCloseAtMidnight: e.DAY_CLOSE_AT_MIDNIGHT === '1' || e.DAY_CLOSE_AT_MIDNIGHT === 'true',
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
    staffAuth: {
      operatorIdleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
      adminIdleMinutes: e.ADMIN_SESSION_IDLE_MINUTES,
      failuresPerAccount: e.LOGIN_FAILURES_PER_ACCOUNT,
      failuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    },
    booking: { confirmMinutes: e.BOOKING_CONFIRM_MINUTES, perContactPerDay: e.BOOKINGS_PER_CONTACT_PER_DAY },
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM, outboxDir: path.join(path.resolve(e.DATA_DIR), 'outbox') },
    printerNetworks,
    personalDataAllOfficesRoles: e.PERSONAL_DATA_ALL_OFFICES_ROLES.split(',')
      .map((r) => r.trim())
      .filter(Boolean) as Config['personalDataAllOfficesRoles'],
    webTicketsPerMinute: e.WEB_TICKETS_PER_MINUTE,
    manageLinkKeys: e.MANAGE_LINK_KEYS || undefined,
    oidc: oidcConfig(e),
  };
}
