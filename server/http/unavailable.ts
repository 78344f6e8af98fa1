/**
 * Is this failure a dependency that is down or dropped us (PostgreSQL restarting, a connection
 * reset, Redis failing over), rather than a bug? Such requests may well succeed a moment later,
 * so they answer 503 (and the socket handlers `unavailable`), never 500.
 *
 * The error reaches us in many shapes: a Prisma error (P1001 …) wrapping the driver adapter's
 * error (kind `DatabaseNotReachable`, `ConnectionClosed`, or `postgres` with the server's SQLSTATE),
 * a raw `pg` error, a Node socket error, or an ioredis error. So the whole cause chain is looked at.
 */

/** Prisma: cannot reach, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds (@prisma/driver-adapter-utils). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** PostgreSQL SQLSTATE: class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting up), 53300 (too many connections). */
const SQLSTATE = /^(08\d{3}|57P0[1-3]|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND']);
/** Error messages of pg and ioredis that carry no code. */
const MESSAGES = [
  /Connection terminated/i,
  /connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Connection is closed/i,
  /Stream isn't writeable/i,
  /Reached the max retries per request limit/i,
  /All sentinels are unreachable/i,
  /^READONLY /,
  /^LOADING /,
  /^MASTERDOWN /,
];

function* causes(err: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 6 || err === null || typeof err !== 'object') return;
  const e = err as Record<string, unknown>;
  yield e;
  yield* causes(e.cause, depth + 1);
  const meta = e.meta as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object') yield* causes(meta.driverAdapterError, depth + 1);
}

export function isDependencyUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    const kind = typeof e.kind === 'string' ? e.kind : undefined;
    if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (kind && ADAPTER_KINDS.has(kind)) return true;
    if (kind === 'postgres' && typeof e.code === 'string' && SQLSTATE.test(e.code)) return true;
    if (typeof e.originalCode === 'string' && SQLSTATE.test(e.originalCode)) return true;
    if (e.name === 'MaxRetriesPerRequestError') return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  }
  return false;
}
