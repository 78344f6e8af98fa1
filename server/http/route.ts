import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { requireRole } from '../auth/actor';
import { cookieValue, requireActor, SESSION_COOKIE } from '../auth/session';
import type { Role } from '../../contract/enums';
import { AppError } from '../errors';
import type { KioskScreen } from '../printing/kiosk-pairing';
import { log } from '../log';
import { rt } from '../runtime';
import { readJsonBody } from './body';
import { textResponse } from './body-text';
import { CLIENT_IP_HEADER } from './internal-headers';
import { classifyDbError } from './db-errors';
import { refuseNul } from './input-text';
import { resolveCaller } from './kiosk-credential';
import { checkRateLimit } from './rate-limit';
import { requestIsHttps, withSecureCookies } from './secure-cookies';
import { isDependencyUnavailable } from './unavailable';

export { CLIENT_IP_HEADER };

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  actor: Actor | null;
  /** The registered kiosk whose paired screen is calling (routes with `kiosk: true`). */
  kiosk: KioskScreen | null;
  req: Request;
}

export interface RouteOptions<B, Q, P> {
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Staff roles allowed; omitted = public. */
  roles?: readonly Role[];
  /** Rate-limit bucket for public writes (RATE_LIMIT_PER_MINUTE per client and bucket). */
  rateLimit?: string;
  /**
   * Resolve the caller (kiosk-credential.ts): `kiosk` and `actor` are set when a paired kiosk or
   * a staff member calls; anonymous callers also count in the stricter `<rateLimit>-web` bucket.
   */
  kiosk?: boolean;
}

export const STAFF: readonly Role[] = ['operator', 'supervisor', 'admin'];
export const SUPERVISORS: readonly Role[] = ['supervisor', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  const text = JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return textResponse(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function errorResponse(status: number, code: string, message: string, details?: unknown): Response {
  return json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

/** Maps any failure to the API's JSON error shape; bad input is always a 4xx. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) return errorResponse(err.status, err.code, err.message, err.details);
  if (err instanceof z.ZodError) {
    return errorResponse(
      400,
      'invalid_input',
      'Some fields are missing or invalid',
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const code = (err as { code?: string } | null)?.code;
  // Prisma's codes, and PostgreSQL's own for the plain SQL of the hot paths (db/sql.ts).
  if (code === 'P2002' || code === '23505') return errorResponse(409, 'conflict', 'This conflicts with existing data');
  if (code === 'P2025') return errorResponse(404, 'not_found', 'Not found');
  if (code === 'P2034' || code === '40001' || code === '40P01') return errorResponse(409, 'retry', 'Busy, please try again');
  switch (classifyDbError(err)) {
    // No database connection could be had in time: the server is overloaded, not the input wrong.
    case 'busy':
      return errorResponse(503, 'busy', 'The server is busy, please try again');
    case 'unavailable':
      log.warn({ err }, 'dependency unavailable');
      return errorResponse(503, 'unavailable', 'A dependency is unavailable, try again shortly');
    case 'bad_input':
      return errorResponse(400, 'invalid_input', 'Some fields are invalid');
    case null:
      break;
  }
  // Redis down or failing over (http/unavailable.ts; the database cases are classifyDbError's).
  if (isDependencyUnavailable(err)) {
    log.warn({ err }, 'dependency unavailable');
    return errorResponse(503, 'unavailable', 'A dependency is unavailable, try again shortly');
  }
  log.error({ err }, 'unexpected error');
  return errorResponse(500, 'internal', 'Unexpected error');
}

/** Input as it came, refused at once when a string holds a NUL byte (input-text.ts). */
function noNul<T>(value: T): T {
  refuseNul(value);
  return value;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * Wraps a route handler: parses and validates params, query and body with zod, checks the
 * session and role, applies the rate limit, and turns errors into JSON. A handler returning
 * `undefined` answers 204; a Response passes through; anything else is JSON 200.
 */
export function route<B = undefined, Q = undefined, P = undefined>(
  opts: RouteOptions<B, Q, P>,
  fn: (input: RouteInput<B, Q, P>) => Promise<unknown>,
): Handler {
  return async (req, ctx) => {
    try {
      const client = req.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
      if (opts.rateLimit) await checkRateLimit(opts.rateLimit, client);
      let actor: Actor | null = null;
      let kiosk: KioskScreen | null = null;
      if (opts.kiosk) ({ actor, kiosk } = await resolveCaller(req, opts.rateLimit, client));
      if (opts.roles) {
        actor = await requireActor(cookieValue(req.headers.get('cookie'), SESSION_COOKIE));
        requireRole(actor, opts.roles);
      }
      const params = (opts.params ? opts.params.parse(noNul(await ctx.params)) : undefined) as P;
      const url = new URL(req.url);
      const query = (opts.query ? opts.query.parse(noNul(Object.fromEntries(url.searchParams))) : undefined) as Q;
      const body = (opts.body ? opts.body.parse(noNul(await readJsonBody(req))) : undefined) as B;
      const result = await fn({ body, query, params, actor, kiosk, req });
      if (result instanceof Response) return requestIsHttps(req, rt().config.publicBaseUrl) ? withSecureCookies(result) : result;
      if (result === undefined) return new Response(null, { status: 204 });
      return json(result);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

export { idParam, officeQuery } from '../../contract/ids';

/** A staff-only route: the handler always gets the logged-in actor. */
export function staffRoute<B = undefined, Q = undefined, P = undefined>(
  roles: readonly Role[],
  opts: Omit<RouteOptions<B, Q, P>, 'roles'>,
  fn: (input: RouteInput<B, Q, P> & { actor: Actor }) => Promise<unknown>,
): Handler {
  return route({ ...opts, roles }, (input) => fn(input as RouteInput<B, Q, P> & { actor: Actor }));
}
