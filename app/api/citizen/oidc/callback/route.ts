import { clearedOidcCookie, finishOidcSignIn } from '@/server/citizens/oidc';
import { oidcRedirect, portalUrl, signInFailed } from '@/server/citizens/oidc-http';
import { endCitizenSession } from '@/server/citizens/session';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** The provider sends the browser back here: signed in, on to /portale; any failure, /portale with its message. */
export const GET = route({}, async ({ req }) => {
  try {
    const { cookie, lang, serviceId } = await finishOidcSignIn(req);
    // A sign-in with e-mail code in this browser is replaced by the stronger one.
    await endCitizenSession(req);
    return oidcRedirect(portalUrl(lang, { serviceId }), cookie, clearedOidcCookie());
  } catch (err) {
    return signInFailed(err, null);
  }
});
