/**
 * Cross-site request refusal. A browser says where a request comes from: `Origin` on every
 * non-GET request and on WebSocket handshakes, `Sec-Fetch-Site` on every request of modern
 * browsers. A write that a browser sent from another site is refused, whatever cookie it carries,
 * so neither a form nor a script on another site can act with a clerk's session. Clients that are
 * not browsers (the kiosk agent, curl, tests) send neither header and are not affected.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string | undefined): boolean {
  return SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

type HeaderValue = string | string[] | undefined;
const first = (v: HeaderValue) => (Array.isArray(v) ? v[0] : v);

/**
 * Null when the request may go on, else the reason it is refused. `publicBaseUrl` (PUBLIC_BASE_URL)
 * is the one origin the screens are served from; without it, the request's own `Host` is.
 */
export function crossSiteReason(
  headers: { origin?: HeaderValue; host?: HeaderValue; 'sec-fetch-site'?: HeaderValue },
  publicBaseUrl: string | undefined,
): string | null {
  const site = first(headers['sec-fetch-site'])?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = first(headers.origin);
  if (origin === undefined) return null;
  if (publicBaseUrl) return origin.toLowerCase() === new URL(publicBaseUrl).origin.toLowerCase() ? null : `Origin ${origin}`;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin ${origin}`; // includes `null` (sandboxed frames, file:, some redirects)
  }
  const host = first(headers.host);
  return host !== undefined && originHost.toLowerCase() === host.toLowerCase() ? null : `Origin ${origin}`;
}
