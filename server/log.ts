import { pino } from 'pino';

/**
 * Structured logs (JSON lines on stdout, one object per event) so that journald, Loki or any log
 * shipper can filter by level and field. The level comes from LOG_LEVEL (default `info`). Read
 * from the environment directly: the logger must work before the configuration is loaded, and
 * in the route handlers Next bundles separately.
 *
 * Log errors as `log.error({ err }, 'what failed')`: pino serialises `err` with its stack.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'sportello', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof log;
