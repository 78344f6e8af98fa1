import { AppError } from '../errors';

/**
 * PostgreSQL cannot store or even compare text holding a NUL byte (U+0000): a query with one
 * fails deep inside the database layer. No field of this API has a use for it, so every string
 * that comes in — body, query, path parameters, socket payloads — is checked once, at the door.
 */
export function nulPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return [...path, k.replace(/\u0000/g, '\\0')].join('.');
    const hit = nulPath(v, [...path, k], depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

export function refuseNul(value: unknown): void {
  const at = nulPath(value);
  if (at !== null)
    throw new AppError(400, 'invalid_input', 'Text may not contain NUL characters', [{ path: at, message: 'NUL character' }]);
}
