/**
 * Citizens' sign-in with OpenID Connect: the town's gateway to SPID and CIE (or any provider),
 * set by OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_SCOPES and
 * OIDC_FISCAL_CODE_CLAIM. Authorization code flow with PKCE, `state` and `nonce` (openid-client):
 * what the callback needs is kept in Redis under the `state` for OIDC_LOGIN_MINUTES and read
 * once, and bound to the browser that started by a short-lived HttpOnly cookie, so a callback
 * link made in another browser signs nobody in.
 *
 * The citizen is found by fiscal code. A new fiscal code whose (not unverified) e-mail address
 * belongs to a citizen known only by that address — someone who signed in with an e-mailed code,
 * or whom the desk recorded by address — becomes that citizen's fiscal code: the same person
 * proved the address both ways, and keeps their procedures. A fiscal code already known never
 * merges with another record. The session is `strong`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { toLanguage, type Lang } from '../../contract/lang';
import { cookieValue } from '../auth/session';
import type { OidcConfig } from '../config';
import type { Citizen } from '../db/generated/client';
import { rt } from '../runtime';
import { emailFromClaims, fiscalCodeFromClaims, nameFromClaims } from './identity';
import { startCitizenSession } from './session';

/** How long a citizen has at the provider (SPID login, consent) before coming back. */
export const OIDC_LOGIN_MINUTES = 10;
export const OIDC_COOKIE = 'sportello_oidc';
export const OIDC_CALLBACK_PATH = '/api/citizen/oidc/callback';
/** The provider's metadata is asked again after this long (its keys are refetched by openid-client as they rotate). */
const DISCOVERY_TTL_MS = 3_600_000;

/** Why a sign-in did not happen; the code names the message the portal shows (citizenPortal.errors.*). */
export type OidcFailure = 'oidc_unavailable' | 'oidc_denied' | 'oidc_failed' | 'oidc_fiscal_code';

export class OidcError extends Error {
  /** The portal's language the sign-in started in, once known: the citizen is sent back in it. */
  lang: Lang | null = null;
  /** Not the provider's or the citizen's doing (e.g. the database failed): logged as an error. */
  unexpected = false;

  constructor(
    readonly failure: OidcFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const redirectUri = () => `${rt().baseUrl}${OIDC_CALLBACK_PATH}`;

// Kept on globalThis: the start and callback routes are bundled apart, and share one discovery.
const holder = globalThis as typeof globalThis & {
  __sportelloOidc?: { key: string; at: number; config: Promise<client.Configuration> };
};

function settings(): OidcConfig {
  const s = rt().config.oidc;
  if (!s) throw new OidcError('oidc_unavailable', 'No OpenID provider is configured');
  return s;
}

async function discover(s: OidcConfig): Promise<client.Configuration> {
  const execute = s.insecure ? [client.allowInsecureRequests] : [];
  const auth = s.clientSecret ? client.ClientSecretBasic(s.clientSecret) : client.None();
  let config: client.Configuration;
  try {
    config = await client.discovery(new URL(s.issuerUrl), s.clientId, s.clientSecret, auth, { execute, timeout: 10 });
  } catch (err) {
    throw new OidcError('oidc_unavailable', 'The OpenID provider could not be discovered', { cause: err });
  }
  // client_secret_basic is the default every provider has; some gateways only take the secret in the body.
  const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
  if (s.clientSecret && methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')) {
    config = new client.Configuration(
      config.serverMetadata(),
      s.clientId,
      s.clientSecret,
      client.ClientSecretPost(s.clientSecret),
    );
    for (const fn of execute) fn(config);
    config.timeout = 10;
  }
  return config;
}

/** The provider's configuration, discovered once and cached (a failed discovery is tried again at the next sign-in). */
export function oidcClient(now = Date.now()): Promise<client.Configuration> {
  const s = settings();
  const key = `${s.issuerUrl}\n${s.clientId}`;
  const cached = holder.__sportelloOidc;
  if (cached && cached.key === key && now - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const entry = { key, at: now, config: discover(s) };
  holder.__sportelloOidc = entry;
  entry.config.catch(() => {
    if (holder.__sportelloOidc === entry) holder.__sportelloOidc = undefined;
  });
  return entry.config;
}

interface PendingLogin {
  nonce: string;
  verifier: string;
  browser: string;
  lang: Lang | null;
  /** The online service the citizen was about to request: its form opens after the sign-in. */
  serviceId: string | null;
}

function oidcCookie(value: string, maxAgeSeconds: number): string {
  const secure = rt().baseUrl.startsWith('https:') ? '; Secure' : '';
  return `${OIDC_COOKIE}=${value}; Path=/api/citizen/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}
export const clearedOidcCookie = () => oidcCookie('', 0);

/** Where to send the citizen's browser to sign in, and the cookie that binds the callback to it. */
export async function startOidcSignIn(
  lang: Lang | null,
  serviceId: string | null = null,
): Promise<{ url: string; cookie: string }> {
  const s = settings();
  const config = await oidcClient();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const browser = randomBytes(24).toString('base64url');
  const pending: PendingLogin = { nonce, verifier, browser, lang, serviceId };
  await rt().redis.set(rt().keys.oidcLogin(state), JSON.stringify(pending), 'EX', OIDC_LOGIN_MINUTES * 60);
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: s.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(lang ? { ui_locales: lang } : {}),
  });
  return { url: url.href, cookie: oidcCookie(browser, OIDC_LOGIN_MINUTES * 60) };
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The sign-in under way that this callback belongs to: read once, and only from the browser that started it. */
async function pendingLogin(req: Request, params: URLSearchParams): Promise<PendingLogin & { state: string }> {
  const state = params.get('state');
  if (!state || !/^[\w-]{16,128}$/.test(state)) throw new OidcError('oidc_failed', 'The answer carries no valid state');
  const raw = await rt().redis.getdel(rt().keys.oidcLogin(state));
  if (!raw) throw new OidcError('oidc_failed', 'Unknown, used or expired state');
  const pending = JSON.parse(raw) as PendingLogin;
  const browser = cookieValue(req.headers.get('cookie'), OIDC_COOKIE);
  if (!browser || !sameText(browser, pending.browser))
    throw new OidcError('oidc_failed', 'The sign-in was started in another browser');
  return { ...pending, state };
}

/** The provider's claims: the ID token's, completed by the userinfo endpoint's (where gateways often put the SPID attributes). */
async function claimsOf(
  config: client.Configuration,
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
) {
  const idClaims = tokens.claims();
  if (!idClaims) throw new OidcError('oidc_failed', 'No ID token');
  const claims: Record<string, unknown> = { ...idClaims };
  if (config.serverMetadata().userinfo_endpoint) {
    try {
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      for (const [k, v] of Object.entries(info)) if (!(k in idClaims)) claims[k] = v;
    } catch (err) {
      if (!fiscalCodeFromClaims(claims, settings().fiscalCodeClaim))
        throw new OidcError('oidc_unavailable', 'The userinfo endpoint did not answer', { cause: err });
    }
  }
  return claims;
}

/** The citizen with this fiscal code; else the one known only by this e-mail address (see above); else a new one. */
export async function citizenForStrongSignIn(p: {
  fiscalCode: string;
  name: string | null;
  email: string | null;
  lang: Lang;
}): Promise<Citizen> {
  const { db } = rt();
  for (let attempt = 0; ; attempt++) {
    try {
      const known = await db.citizen.findUnique({ where: { fiscalCode: p.fiscalCode } });
      const byEmail = p.email ? await db.citizen.findUnique({ where: { email: p.email } }) : null;
      if (known) {
        const data = {
          ...(known.name ? {} : { name: p.name }),
          ...(known.email || byEmail ? {} : { email: p.email }),
        };
        return Object.values(data).some((v) => v) ? await db.citizen.update({ where: { id: known.id }, data }) : known;
      }
      if (byEmail && byEmail.fiscalCode === null) {
        // Only while it still has no fiscal code: another sign-in may have just given it one.
        const merged = await db.citizen.updateMany({
          where: { id: byEmail.id, fiscalCode: null },
          data: { fiscalCode: p.fiscalCode, ...(byEmail.name ? {} : { name: p.name }) },
        });
        if (merged.count === 1) return await db.citizen.findUniqueOrThrow({ where: { id: byEmail.id } });
        if (attempt < 2) continue;
      }
      return await db.citizen.create({
        data: { fiscalCode: p.fiscalCode, name: p.name, email: byEmail ? null : p.email, lang: p.lang },
      });
    } catch (err) {
      // Two sign-ins of the same person at once: the other one recorded them; read again.
      const code = (err as { code?: string }).code;
      if (attempt < 2 && (code === 'P2002' || code === 'P2025')) continue;
      throw err;
    }
  }
}

/**
 * The provider sent the browser back: the code is exchanged (PKCE, state and nonce checked), the
 * fiscal code read from the claims, the citizen found or recorded, and a `strong` session started.
 */
export async function finishOidcSignIn(req: Request, now = new Date()) {
  const params = new URL(req.url).searchParams;
  const pending = await pendingLogin(req, params);
  try {
    return await signIn(params, pending, now);
  } catch (err) {
    const failure = err instanceof OidcError ? err : new OidcError('oidc_failed', 'The sign-in failed', { cause: err });
    if (!(err instanceof OidcError)) failure.unexpected = true;
    failure.lang = pending.lang;
    throw failure;
  }
}

async function signIn(params: URLSearchParams, pending: PendingLogin & { state: string }, now: Date) {
  const error = params.get('error');
  if (error) {
    throw new OidcError(
      error === 'access_denied' || error === 'login_required' || error === 'consent_required' ? 'oidc_denied' : 'oidc_failed',
      `The provider answered ${error.slice(0, 100)}`,
    );
  }
  const config = await oidcClient();
  // The address the provider sent the browser to, whatever proxy it came through.
  const current = new URL(redirectUri());
  current.search = params.toString();
  let tokens;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    const unreachable = err instanceof TypeError || (err instanceof Error && /timeout|abort/i.test(err.name));
    throw new OidcError(unreachable ? 'oidc_unavailable' : 'oidc_failed', 'The code could not be exchanged', { cause: err });
  }
  const claims = await claimsOf(config, tokens);
  const fiscalCode = fiscalCodeFromClaims(claims, settings().fiscalCodeClaim);
  if (!fiscalCode) throw new OidcError('oidc_fiscal_code', `No valid fiscal code in the claim ${settings().fiscalCodeClaim}`);
  const citizen = await citizenForStrongSignIn({
    fiscalCode,
    name: nameFromClaims(claims),
    email: emailFromClaims(claims),
    lang: toLanguage(pending.lang ?? 'it'),
  });
  return {
    citizen,
    lang: pending.lang,
    serviceId: pending.serviceId ?? null,
    ...(await startCitizenSession(citizen.id, 'strong', now)),
  };
}
