/**
 * The one HTTP client of the screens, typed by the contract (contract/api.ts): a call names an
 * endpoint, its path parameters, query and body are checked against the endpoint's schemas at
 * compile time, and it resolves to the endpoint's answer type. Every call is same-origin and
 * relative, so the screens work behind any reverse proxy. Every refusal, and a network failure,
 * is an ApiError.
 */
import type { Answer, CallInput, Endpoint } from '../contract/endpoint';

/** A refusal from the API (`{error: {code, message, details?}}`), or status 0 / code `network` when nothing answered. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`: invalid fields of a 400, `{nextOpensAt}` of `office_closed`, `{comeBackTime}`… */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One invalid field as the server names it (zod path joined with dots, e.g. `hours.2` or `toDay`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The invalid fields of a refusal, by path (empty for other errors). */
export function fieldIssues(err: unknown): Map<string, string> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return new Map();
  const issues = err.details.filter(
    (d): d is FieldIssue =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as FieldIssue).path === 'string' &&
      typeof (d as FieldIssue).message === 'string',
  );
  return new Map(issues.map((d) => [d.path, d.message]));
}

/**
 * An endpoint as the browser needs it to call it: its method and path, typed by its endpoint in
 * contract/api.ts. A page that must load little (the kiosk) names its endpoints with route()
 * instead of importing the contract, whose zod schemas a browser never runs (answers are not
 * re-validated, see answerOf).
 */
export interface Route<E extends Endpoint> {
  readonly method: E['method'];
  readonly path: E['path'];
  /** Type only: the endpoint this is the route of. */
  readonly endpoint?: E;
}

/** The route of endpoint E: a method or a path other than the contract's is a compile error. */
export function route<E extends Endpoint>(method: E['method'], path: E['path']): Route<E> {
  return { method, path };
}

export interface CallOptions {
  /** Abort after this many milliseconds (status 0, code `network`); default: no limit. */
  timeoutMs?: number;
}

/** The endpoint's URL with its path parameters and query filled in (empty query values are left out). */
export function urlOf<E extends Endpoint>(e: E | Route<E>, input?: CallInput<E>): string {
  const params = (input?.params ?? {}) as Record<string, string>;
  const path = e.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries((input?.query ?? {}) as Record<string, unknown>))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

type Args<E extends Endpoint> =
  object extends CallInput<E> ? [input?: CallInput<E>, opts?: CallOptions] : [input: CallInput<E>, opts?: CallOptions];

/** Calls an endpoint of contract/api.ts; a 204 answer resolves to null (call-next when nobody waits). */
export async function call<E extends Endpoint>(e: E | Route<E>, ...[input, opts]: Args<E>): Promise<Answer<E>> {
  const body = input?.body;
  const ctrl = opts?.timeoutMs ? new AbortController() : null;
  const timer = ctrl ? setTimeout(() => ctrl.abort(), opts?.timeoutMs) : null;
  let res: Response;
  try {
    res = await fetch(urlOf(e, input), {
      method: e.method,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: ctrl?.signal,
      headers:
        body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'Network error');
  } finally {
    if (timer) clearTimeout(timer);
  }
  return answerOf(res) as Promise<Answer<E>>;
}

/**
 * Sends one file as multipart/form-data (`file` part) to an upload route, which the JSON
 * contract cannot describe (POST /api/procedures/attachments); resolves to its JSON answer,
 * refusals are ApiErrors like every call's.
 */
export async function upload<T>(path: `/api/${string}`, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json' },
      body,
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'Network error');
  }
  return answerOf(res) as Promise<T>;
}

async function answerOf(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  let json: unknown = null;
  let parsed = text === '';
  if (text) {
    try {
      json = JSON.parse(text);
      parsed = true;
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    const code = typeof err?.code === 'string' ? err.code : res.status === 401 ? 'unauthorized' : `http_${res.status}`;
    throw new ApiError(res.status, code, typeof err?.message === 'string' ? err.message : res.statusText, err?.details);
  }
  if (!parsed) throw new ApiError(res.status, 'bad_response', 'The answer was not JSON');
  // Typed, not re-validated: the server builds the answer from the same contract types.
  return json;
}
