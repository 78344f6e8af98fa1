/** Thin JSON client for the staff HTTP API; every refusal becomes an ApiError carrying the server's code. */
import type { Notice } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiResult<T> {
  status: number;
  data: T | null;
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers:
        body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof err?.code === 'string' ? err.code : res.status === 401 ? 'unauthorized' : 'http_' + res.status;
    throw new ApiError(res.status, code, typeof err?.message === 'string' ? err.message : res.statusText);
  }
  return { status: res.status, data: json as T | null };
}

/** Error codes that have their own translation under counter.errors. */
const knownCodes = new Set([
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_credentials',
  'invalid_transition',
  'counter_busy',
  'counter_not_open',
  'counter_paused',
  'counter_taken',
  'already_at_counter',
  'counter_closed',
  'not_your_counter',
  'no_services',
  'invalid_input',
  'same_counter',
  'same_staff',
  'other_office',
  'service_not_allowed',
  'queue_unstable',
  'rate_limited',
  'login_throttled',
  'password_change_required',
  'service_by_appointment',
]);

/**
 * The `errorNotice` of a screen: turns any thrown value into a translated notice. `known` are the
 * server codes with their own text under the screen's `errors.*`; the rest fall back by status.
 */
export function errorNoticeFor(known: ReadonlySet<string>): (err: unknown) => Notice {
  return (err) => {
    if (err instanceof ApiError) {
      if (known.has(err.code)) return { kind: 'error', key: `errors.${err.code}` };
      if (err.status === 400 || err.status === 422) return { kind: 'error', key: 'errors.invalid_input' };
      if (err.status === 429) return { kind: 'error', key: 'errors.rate_limited' };
      return { kind: 'error', key: 'errors.generic', values: { code: err.code } };
    }
    return { kind: 'error', key: 'errors.generic', values: { code: 'client' } };
  };
}

/** Turns any thrown value into a notice translated under counter.errors. */
export const errorNotice = errorNoticeFor(knownCodes);
