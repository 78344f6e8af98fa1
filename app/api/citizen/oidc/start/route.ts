import { isLanguage } from '@/contract/lang';
import { startOidcSignIn } from '@/server/citizens/oidc';
import { oidcRedirect, signInFailed } from '@/server/citizens/oidc-http';
import { CLIENT_IP_HEADER, route } from '@/server/http/route';
import { checkRateLimit } from '@/server/http/rate-limit';
import { AppError } from '@/server/errors';
import { oidcConfigured } from '@/server/citizens/identity';

export const dynamic = 'force-dynamic';

/**
 * `?lang=`: the portal's language, passed to the provider (`ui_locales`) and kept for the way back;
 * `?service=`: the online service whose form opens once signed in.
 */
export const GET = route({}, async ({ req }) => {
  if (!oidcConfigured()) throw new AppError(404, 'oidc_not_configured', 'No OpenID provider is configured');
  const q = new URL(req.url).searchParams;
  const lang = q.get('lang');
  const known = isLanguage(lang) ? lang : null;
  const service = q.get('service');
  try {
    await checkRateLimit('citizen-login', req.headers.get(CLIENT_IP_HEADER) ?? 'unknown');
    const { url, cookie } = await startOidcSignIn(known, service && /^[\w-]{1,64}$/.test(service) ? service : null);
    return oidcRedirect(url, cookie);
  } catch (err) {
    return signInFailed(err, known);
  }
});
