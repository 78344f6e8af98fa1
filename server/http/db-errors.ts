/**
 * What a database failure means for the client. A lost or refused connection, a server shutting
 * down or a full pool is the server's trouble of the moment: 503, try again. A value PostgreSQL
 * cannot store (a NUL byte, an out-of-range number or date) is the input's fault: 400. Both are
 * recognised whatever layer raised them: pg itself, Prisma's driver adapter, or Prisma's engine.
 */

/** PostgreSQL SQLSTATEs and Node socket errors of a connection that is gone or cannot be had. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  'P1001', // can't reach database server
  'P1002', // database server timed out
  'P1008', // operations timed out
  'P1017', // server has closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2037', // too many database connections
]);

/** Driver adapter error kinds (Prisma 7) that mean the same. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);

/** SQLSTATEs of a value the database refuses to store or compare: bad input, never a 500. */
const BAD_INPUT_CODES = new Set([
  '22021', // character_not_in_repertoire (a NUL byte in text)
  '22P05', // untranslatable_character
  '22001', // string too long
  '22003', // numeric value out of range
  '22007', // invalid datetime format
  '22008', // datetime field overflow
  '22P02', // invalid text representation
  'P2000', // value too long for the column
  'P2020', // value out of range
]);

const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection (is )?closed|Client has encountered a connection error|terminating connection due to administrator command|Server has closed the connection|Can't reach database server/i;

/** Every `code`, `kind` and `originalCode` along the error's cause chain (Prisma nests them). */
function codesOf(err: unknown, depth = 0): { codes: string[]; messages: string[] } {
  const out = { codes: [] as string[], messages: [] as string[] };
  if (depth > 6 || err === null || typeof err !== 'object') return out;
  const e = err as Record<string, unknown>;
  for (const k of ['code', 'kind', 'originalCode']) if (typeof e[k] === 'string') out.codes.push(e[k]);
  if (typeof e.message === 'string') out.messages.push(e.message);
  const meta = e.meta as Record<string, unknown> | undefined;
  for (const next of [e.cause, meta?.driverAdapterError, meta?.cause]) {
    const inner = codesOf(next, depth + 1);
    out.codes.push(...inner.codes);
    out.messages.push(...inner.messages);
  }
  return out;
}

export type DbFailure = 'unavailable' | 'bad_input' | 'busy';

export function classifyDbError(err: unknown): DbFailure | null {
  const { codes, messages } = codesOf(err);
  if (codes.includes('P2028')) return 'busy'; // no transaction could be started in time
  if (codes.some((c) => UNAVAILABLE_CODES.has(c) || UNAVAILABLE_KINDS.has(c) || c.startsWith('08'))) return 'unavailable';
  if (codes.some((c) => BAD_INPUT_CODES.has(c))) return 'bad_input';
  if (messages.some((m) => UNAVAILABLE_MESSAGE.test(m))) return 'unavailable';
  return null;
}
