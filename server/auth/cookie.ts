import { rt } from '../runtime';
import { SESSION_COOKIE } from './session';

/** httpOnly, SameSite=Strict (no cross-site request carries it), Secure behind https. */
export function sessionCookie(token: string, expiresAt: Date): string {
  const secure = rt().baseUrl.startsWith('https:') ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
