/**
 * Who is asking, for the routes a kiosk uses (`route({kiosk: true})`): a registered kiosk (the
 * httpOnly cookie its paired browser holds, see printing/kiosk-pairing.ts), a logged-in staff
 * member, or an anonymous web client — which also counts in a stricter rate-limit bucket
 * (WEB_TICKETS_PER_MINUTE per address) than kiosks and staff.
 */
import type { Actor } from '../auth/actor';
import { actorFromToken, cookieValue, SESSION_COOKIE } from '../auth/session';
import { kioskByScreenToken, type KioskScreen } from '../printing/kiosk-pairing';
import { rt } from '../runtime';
import { checkRateLimit } from './rate-limit';

export const KIOSK_COOKIE = 'sportello_kiosk';
/** Browsers cap cookie lifetimes at 400 days; every ticket the kiosk issues renews it. */
const KIOSK_COOKIE_SECONDS = 400 * 24 * 3600;

export interface Caller {
  kiosk: KioskScreen | null;
  actor: Actor | null;
}

/** The kiosk screen's credential: httpOnly, SameSite=Strict, Secure behind https. */
export function kioskCookie(token: string): string {
  const secure = rt().baseUrl.startsWith('https:') ? '; Secure' : '';
  return `${KIOSK_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${KIOSK_COOKIE_SECONDS}${secure}`;
}

/** The same cookie with a fresh expiry, for the answers to a kiosk's requests. */
export function renewedKioskCookie(req: Request): string | undefined {
  const token = cookieValue(req.headers.get('cookie'), KIOSK_COOKIE);
  return token ? kioskCookie(token) : undefined;
}

export async function kioskFromCookieHeader(cookieHeader: string | null | undefined): Promise<KioskScreen | null> {
  return kioskByScreenToken(cookieValue(cookieHeader, KIOSK_COOKIE));
}

/**
 * Resolves the caller; an anonymous one is rate-limited in `<bucket>-web` (when the route has a
 * bucket). `client` is the address the route's own rate limit uses.
 */
export async function resolveCaller(req: Request, bucket: string | undefined, client: string): Promise<Caller> {
  const header = req.headers.get('cookie');
  const [kiosk, actor] = await Promise.all([kioskFromCookieHeader(header), actorFromToken(cookieValue(header, SESSION_COOKIE))]);
  if (!kiosk && !actor && bucket) await checkRateLimit(`${bucket}-web`, client, undefined, rt().config.webTicketsPerMinute);
  return { kiosk, actor };
}
