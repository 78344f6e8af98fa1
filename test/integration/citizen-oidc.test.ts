/**
 * Citizens' sign-in with OpenID Connect, end to end over HTTP: the app process is configured with
 * a real OpenID provider (oidc-provider) running in this process on a loopback port, the test
 * follows the redirects as a browser would (its cookies included), and signs in at the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { Browser, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { CERT_DATA, CERT_STAMP, signedInCitizen } from '../helpers/portal';
import { createTestSpace, type TestSpace } from '../helpers/services';

let space: TestSpace;
let app: TestApp;
let provider: TestProvider;
let certificate: string;
let strongService: string;

const STRONG_DATA = { descrizione: 'Trasferimento in via Roma 1', dichiarazione: true };

const accounts = {
  mario: {
    fiscal_number: 'TINIT-RSSMRA85T10A562S',
    given_name: 'Mario',
    family_name: 'Rossi',
    email: 'Mario.Rossi@example.org',
    email_verified: true,
  },
  // Signed in before with an e-mailed code, at the same address.
  matteo: { fiscal_number: 'TINIT-MRTMTT91D08F205J', given_name: 'Matteo', family_name: 'Moretti', email: 'matteo@example.org' },
  // A provider that sends no usable fiscal code.
  nocode: { given_name: 'Nessuno', email: 'nocode@example.org' },
  forged: { fiscal_number: 'TINIT-RSSMRA85T10A562T', email: 'forged@example.org' },
};

beforeAll(async () => {
  space = await createTestSpace();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider(`${base}/api/citizen/oidc/callback`, accounts);
  app = await startApp(space, { PORT: String(port), PUBLIC_BASE_URL: base, ...provider.env });
  certificate = (await space.db.service.findUniqueOrThrow({ where: { code: 'certificato-residenza' } })).id;
  strongService = (await space.db.service.findUniqueOrThrow({ where: { code: 'cambio-residenza' } })).id;
});

afterAll(async () => {
  await app?.stop();
  await provider?.close();
  await space?.drop();
});

/** Opens the sign-in in a browser and stops at the provider's login page: its uid. */
async function toProviderLogin(b: Browser, lang?: string, service?: string): Promise<{ uid: string; authorize: URL }> {
  const q = new URLSearchParams({ ...(lang ? { lang } : {}), ...(service ? { service } : {}) }).toString();
  const start = await b.fetch(`${app.url}/api/citizen/oidc/start${q ? `?${q}` : ''}`);
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get('location')!);
  const { hops, res } = await b.follow(authorize.href);
  expect(res.status).toBe(200);
  const uid = /\/interaction\/([\w-]+)$/.exec(hops.at(-1)!.url)?.[1];
  expect(uid).toBeTruthy();
  return { uid: uid!, authorize };
}

/** Signs in as `account` at the provider and stops where it sends the browser back to the app: that URL. */
async function callbackUrlFor(b: Browser, account: string, lang?: string, service?: string): Promise<string> {
  const { uid } = await toProviderLogin(b, lang, service);
  let res = await b.fetch(`${provider.issuer}/interaction/${uid}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: account }).toString(),
  });
  let url = `${provider.issuer}/interaction/${uid}/login`;
  for (let i = 0; i < 10; i++) {
    expect(res.status, url).toBeGreaterThanOrEqual(300);
    url = new URL(res.headers.get('location')!, url).href;
    if (url.startsWith(`${app.url}/api/citizen/oidc/callback`)) return url;
    res = await b.fetch(url);
  }
  throw new Error('the provider did not send the browser back');
}

/** Follows the provider's redirect back into the app: where the app sends the browser. */
async function backToApp(b: Browser, callbackUrl: string): Promise<URL> {
  const res = await b.fetch(callbackUrl);
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, app.url);
}

const portalSession = (b: Browser) => {
  const token = b.cookies.get('sportello_citizen');
  return token ? ApiClient.withCookie(app.url, `sportello_citizen=${token}`) : null;
};

describe('sign-in with the OpenID provider', () => {
  it('asks for the code with PKCE, state and nonce, comes back signed in with a strong identity, and the strong services are theirs', async () => {
    const b = new Browser();
    const { authorize } = await toProviderLogin(b, 'en');
    expect(authorize.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      scope: 'openid profile email',
      redirect_uri: `${app.url}/api/citizen/oidc/callback`,
      code_challenge_method: 'S256',
      ui_locales: 'en',
    });
    for (const p of ['state', 'nonce', 'code_challenge'])
      expect(authorize.searchParams.get(p)?.length).toBeGreaterThanOrEqual(32);
    expect(b.cookies.get('sportello_oidc')).toBeTruthy();

    const callback = await callbackUrlFor(b, 'mario', 'en');
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    const landed = await backToApp(b, callback);
    expect(`${landed.pathname}${landed.search}`).toBe('/portale?lang=en');
    expect(b.cookies.has('sportello_oidc')).toBe(false);
    const page = await b.fetch(landed.href);
    expect(page.status).toBe(200);

    const mario = portalSession(b)!;
    const me = await mario.get('/api/citizen/me');
    expect(me.body).toMatchObject({
      identity: 'strong',
      fiscalCode: 'RSSMRA85T10A562S',
      name: 'Mario Rossi',
      email: 'mario.rossi@example.org',
      lang: 'en',
    });

    const services = (await mario.get('/api/portal/services')).body as { id: string; available: boolean }[];
    expect(services.find((s) => s.id === strongService)).toMatchObject({ identity: 'strong', available: true });
    const submitted = await mario.post('/api/procedures', { serviceId: strongService, data: STRONG_DATA });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    expect((await mario.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP })).status).toBe(
      201,
    );

    // The same answer from the provider signs nobody in twice.
    const sessions = await space.db.citizenSession.count();
    const replay = new Browser();
    for (const [k, v] of b.cookies) if (k !== 'sportello_citizen') replay.cookies.set(k, v);
    const again = await backToApp(replay, callback);
    expect(again.searchParams.get('signinError')).toBe('oidc_failed');
    expect(replay.cookies.has('sportello_citizen')).toBe(false);
    expect(await space.db.citizenSession.count()).toBe(sessions);

    // Signing in again finds the same citizen by fiscal code; started from a service, its form opens.
    const b2 = new Browser();
    const toForm = await backToApp(b2, await callbackUrlFor(b2, 'mario', undefined, strongService));
    expect(`${toForm.pathname}${toForm.search}`).toBe(`/portale?new=${strongService}`);
    expect((await portalSession(b2)!.get('/api/citizen/me')).body.id).toBe(me.body.id);
    expect(await space.db.citizen.count({ where: { fiscalCode: 'RSSMRA85T10A562S' } })).toBe(1);

    expect((await mario.post('/api/citizen/logout')).status).toBe(204);
    expect((await mario.get('/api/citizen/me')).status).toBe(401);
  });

  it('refuses a strong service to a citizen signed in with an e-mailed code, who can still request the others', async () => {
    const c = await signedInCitizen(app, 'only-email@example.org');
    expect((await c.get('/api/citizen/me')).body.identity).toBe('email');
    const refused = await c.post('/api/procedures', { serviceId: strongService, data: STRONG_DATA });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('stronger_identity_needed');
    expect((await c.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP })).status).toBe(
      201,
    );
  });

  it('makes the citizen known by e-mail the same citizen when their digital identity has that address, and upgrades the session', async () => {
    const b = new Browser();
    const byCode = await signedInCitizen(app, 'matteo@example.org');
    const before = (await byCode.get('/api/citizen/me')).body;
    expect(before).toMatchObject({ fiscalCode: null, identity: 'email' });
    const earlier = await byCode.post('/api/procedures', { serviceId: certificate, data: CERT_DATA, stampDuty: CERT_STAMP });
    expect(earlier.status).toBe(201);
    // The same browser, signed in by code, goes on with SPID.
    b.cookies.set('sportello_citizen', byCode.cookieHeader.split('=')[1]);

    await backToApp(b, await callbackUrlFor(b, 'matteo'));
    const matteo = portalSession(b)!;
    const me = (await matteo.get('/api/citizen/me')).body;
    expect(me).toMatchObject({ id: before.id, fiscalCode: 'MRTMTT91D08F205J', name: 'Matteo Moretti', identity: 'strong' });
    const mine = (await matteo.get('/api/procedures')).body as { id: string }[];
    expect(mine.map((p) => p.id)).toContain(earlier.body.id);
    // The code session this browser had is over: the stronger one replaced it.
    expect((await byCode.get('/api/citizen/me')).status).toBe(401);
  });

  it('sends the citizen back to the portal with a message, signed out, when the state is forged, missing or from another browser', async () => {
    const citizensBefore = await space.db.citizen.count();
    const sessionsBefore = await space.db.citizenSession.count();

    // Started in one browser, the provider's answer opened in another (a link sent to a victim).
    const started = new Browser();
    const callback = await callbackUrlFor(started, 'mario');
    const other = new Browser();
    const elsewhere = await backToApp(other, callback);
    expect(elsewhere.pathname).toBe('/portale');
    expect(elsewhere.searchParams.get('signinError')).toBe('oidc_failed');
    expect(other.cookies.has('sportello_citizen')).toBe(false);

    const forged = new URL(callback);
    forged.searchParams.set('state', 'x'.repeat(43));
    const b = new Browser();
    await toProviderLogin(b);
    expect((await backToApp(b, forged.href)).searchParams.get('signinError')).toBe('oidc_failed');
    const noState = new URL(callback);
    noState.searchParams.delete('state');
    expect((await backToApp(b, noState.href)).searchParams.get('signinError')).toBe('oidc_failed');
    expect((await backToApp(b, `${app.url}/api/citizen/oidc/callback`)).searchParams.get('signinError')).toBe('oidc_failed');
    expect(b.cookies.has('sportello_citizen')).toBe(false);

    expect(await space.db.citizen.count()).toBe(citizensBefore);
    expect(await space.db.citizenSession.count()).toBe(sessionsBefore);
  });

  it('says so when the citizen cancels at the provider, or the provider gives no valid fiscal code', async () => {
    const b = new Browser();
    const { uid } = await toProviderLogin(b, 'it');
    const { hops } = await b.follow(`${provider.issuer}/interaction/${uid}/abort`);
    const back = hops.find((h) => h.url.startsWith(`${app.url}/api/citizen/oidc/callback`))!;
    expect(new URL(back.url).searchParams.get('error')).toBe('access_denied');
    const landed = new URL(hops.at(-1)!.url);
    expect(landed.pathname).toBe('/portale');
    expect(landed.searchParams.get('signinError')).toBe('oidc_denied');
    // Back in the language the sign-in started in.
    expect(landed.searchParams.get('lang')).toBe('it');
    expect(hops.at(-1)!.status).toBe(200);
    expect(b.cookies.has('sportello_citizen')).toBe(false);

    for (const account of ['nocode', 'forged']) {
      const c = new Browser();
      const to = await backToApp(c, await callbackUrlFor(c, account));
      expect(to.searchParams.get('signinError'), account).toBe('oidc_fiscal_code');
      expect(c.cookies.has('sportello_citizen')).toBe(false);
    }
    expect(await space.db.citizen.count({ where: { email: { in: ['nocode@example.org', 'forged@example.org'] } } })).toBe(0);
  });

  it('says the provider is unavailable when it does not answer, never a server error', async () => {
    const b = new Browser();
    const callback = await callbackUrlFor(b, 'mario');
    await provider.close();
    const to = await backToApp(b, callback);
    expect(to.searchParams.get('signinError')).toBe('oidc_unavailable');
    expect(b.cookies.has('sportello_citizen')).toBe(false);
  });
});

describe('a provider that cannot be reached', () => {
  it('sends the citizen back to the portal with a message instead of an error page', async () => {
    const nobody = await freePort();
    const other = await startApp(space, {
      OIDC_ISSUER_URL: `http://127.0.0.1:${nobody}`,
      OIDC_CLIENT_ID: 'sportello',
      OIDC_CLIENT_SECRET: 'secret',
    });
    try {
      const b = new Browser();
      const res = await b.fetch(`${other.url}/api/citizen/oidc/start?lang=ro`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/portale?lang=ro&signinError=oidc_unavailable');
    } finally {
      await other.stop();
    }
  });
});
