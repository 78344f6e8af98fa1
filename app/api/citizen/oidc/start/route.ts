import { isLanguage } from '@/contract/lang';
import { startOidcSignIn } from '@/server/citizens/oidc';
import { oidcRedirect, signInFailed } from '@/server/citizens/oidc-http';
import { CLIENT_IP_HEADER, route } from '@/server/http/route';
import { checkRateLimit } from '@/server/http/rate-limit';
import { AppError } from '@/server/errors';
import { oidcConfigured } from '@/server/citizens/identity';

export const dynamic = 'force-dynamic';

/** `?lang=`: the portal's language, passed to the provider (`ui_locales`) and kept for the way back. */
export const GET = route({}, async ({ req }) => {
  if (!oidcConfigured()) throw new AppError(404, 'oidc_not_configured', 'No OpenID provider is configured');
  const lang = new URL(req.url).searchParams.get('lang');
  const known = isLanguage(lang) ? lang : null;
  try {
    await checkRateLimit('citizen-login', req.headers.get(CLIENT_IP_HEADER) ?? 'unknown');
    const { url, cookie } = await startOidcSignIn(known);
    return oidcRedirect(url, cookie);
  } catch (err) {
    return signInFailed(err, known);
  }
});
