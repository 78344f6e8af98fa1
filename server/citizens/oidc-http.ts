/** The OpenID Connect routes answer the browser with redirects, never a JSON error page. */
import type { Lang } from '../../contract/lang';
import { AppError } from '../errors';
import { log } from '../log';
import { clearedOidcCookie, OidcError, type OidcFailure } from './oidc';

/** `/portale`, with the page's language, and a sign-in failure to show or the service whose form to open, if any. */
export function portalUrl(
  lang: Lang | null,
  then: { failure?: OidcFailure | 'rate_limited'; serviceId?: string | null } = {},
): string {
  const q = new URLSearchParams();
  if (lang) q.set('lang', lang);
  if (then.failure) q.set('signinError', then.failure);
  if (then.serviceId) q.set('new', then.serviceId);
  const s = q.toString();
  return s ? `/portale?${s}` : '/portale';
}

export function oidcRedirect(location: string, ...cookies: string[]): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status: 303, headers });
}

/** Back to the portal with a message the citizen understands; the reason is logged. */
export function signInFailed(err: unknown, lang: Lang | null): Response {
  let failure: OidcFailure | 'rate_limited' = 'oidc_failed';
  if (err instanceof OidcError) {
    failure = err.failure;
    lang = err.lang ?? lang;
  } else if (err instanceof AppError && err.status === 429) failure = 'rate_limited';
  if ((err instanceof OidcError && !err.unexpected) || failure === 'rate_limited')
    log.warn({ err, failure }, 'citizen OpenID Connect sign-in failed');
  else log.error({ err }, 'citizen OpenID Connect sign-in failed');
  return oidcRedirect(portalUrl(lang, { failure }), clearedOidcCookie());
}
