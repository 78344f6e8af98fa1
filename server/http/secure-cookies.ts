import { CLIENT_PROTO_HEADER } from './internal-headers';

/**
 * Whether the citizen's browser talks https to us: PUBLIC_BASE_URL says so, or the request came
 * over https (directly, or through a trusted proxy's X-Forwarded-Proto; see client-address.ts).
 */
export function requestIsHttps(req: Request, publicBaseUrl: string | undefined): boolean {
  return Boolean(publicBaseUrl?.startsWith('https:')) || req.headers.get(CLIENT_PROTO_HEADER) === 'https';
}

/** Marks every cookie the answer sets `Secure`, so it never travels over plain http. */
export function withSecureCookies(res: Response): Response {
  const cookies = res.headers.getSetCookie();
  if (cookies.every((c) => /;\s*secure\s*(;|$)/i.test(c))) return res;
  // Some answers (redirects) have immutable headers: copy into a new Response.
  const out = new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
  out.headers.delete('set-cookie');
  for (const c of cookies) out.headers.append('set-cookie', /;\s*secure\s*(;|$)/i.test(c) ? c : `${c}; Secure`);
  return out;
}
