/** JSON client of the administration API; refusals become an ApiError with the server's code. */
import { ApiError } from '../../counter/api';

/** One invalid field as the server names it (zod path joined with dots, e.g. `hours.2` or `toDay`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A refusal with the server's per-field details, so a form can show them next to the fields. */
export class AdminApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: FieldIssue[],
  ) {
    super(status, code, message);
  }
}

/** The invalid fields of a refusal, by path (empty for other errors). */
export function fieldIssues(err: unknown): Map<string, string> {
  return new Map(err instanceof AdminApiError ? err.details.map((d) => [d.path, d.message]) : []);
}

function issuesOf(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldIssue =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as FieldIssue).path === 'string' &&
      typeof (d as FieldIssue).message === 'string',
  );
}

export async function adminApi<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
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
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    const code = typeof err?.code === 'string' ? err.code : res.status === 401 ? 'unauthorized' : 'http_' + res.status;
    throw new AdminApiError(
      res.status,
      code,
      typeof err?.message === 'string' ? err.message : res.statusText,
      issuesOf(err?.details),
    );
  }
  return json as T;
}

export interface AdminService {
  id: string;
  code: string;
  prefix: string;
  nameIt: string;
  nameEn: string;
  keywords: string;
  mode: 'desk' | 'appointment';
  expectedMinutes: number;
  targetWaitMinutes: number;
  active: boolean;
  sortOrder: number;
  categoryId: string;
  officeId: string;
}

export interface AdminCategory {
  id: string;
  slug: string;
  nameIt: string;
  nameEn: string;
  icon: string;
  sortOrder: number;
  services: number;
}

export interface AdminDisplay {
  id: string;
  officeId: string;
  name: string;
  slug: string;
  serviceIds: string[];
  categoryIds: string[];
  tickerIt: string[];
  tickerEn: string[];
  active: boolean;
}

export interface AuditItem {
  id: string;
  at: string;
  staff: { id: string; username: string | null; displayName: string | null };
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}
