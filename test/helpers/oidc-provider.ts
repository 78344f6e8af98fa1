/**
 * A real OpenID provider (`oidc-provider`) in the test process on a loopback port, standing in
 * for the town's SPID/CIE gateway: one confidential client, accounts whose claims carry the
 * fiscal code as SPID gateways send it (`TINIT-<code>`, at the userinfo endpoint), and a plain
 * login page of its own (a form with the account, and a "cancel" link that answers
 * `access_denied`). Consent is taken as given, as a gateway does for the town's own portal.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestAccount {
  fiscal_number?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  email_verified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The app's environment for this provider. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title>` +
  `<meta name="viewport" content="width=device-width"></head><body><h1>Test identity provider (SPID/CIE)</h1>${body}</body></html>`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return new URLSearchParams(raw);
}

/** Starts the provider; `redirectUri` is the app's callback it accepts. */
export async function startTestProvider(redirectUri: string, accounts: Record<string, TestAccount>): Promise<TestProvider> {
  const clientId = 'sportello-test';
  const clientSecret = 'a-client-secret-for-the-tests-only';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'fiscal_number'],
      email: ['email', 'email_verified'],
    },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-provider-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    // The town's own portal: the citizen is not asked to consent, as at a SPID gateway.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    const m = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(path);
    if (!m) {
      void handle(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (m[2] === '/abort') {
          await provider.interactionFinished(
            req,
            res,
            { error: 'access_denied', error_description: 'The citizen cancelled' },
            { mergeWithLastSubmission: false },
          );
        } else if (m[2] === '/login' && req.method === 'POST') {
          const login = (await formBody(req)).get('login') ?? '';
          if (!accounts[login]) {
            res.writeHead(400, { 'content-type': 'text/html' }).end(page('<p>Unknown account</p>'));
            return;
          }
          await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
        } else {
          if (details.prompt.name !== 'login') throw new Error(`unexpected prompt ${details.prompt.name}`);
          res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(
              page(
                `<form method="post" action="/interaction/${esc(details.uid)}/login">` +
                  `<label>Account <input name="login" id="login" autocomplete="off"></label> ` +
                  `<button type="submit" id="signin">Sign in</button></form>` +
                  `<p><a id="cancel" href="/interaction/${esc(details.uid)}/abort">Cancel</a></p>`,
              ),
            );
        }
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Cookies as a browser keeps them for 127.0.0.1 (one host: cookies do not tell ports apart),
 * and requests that follow redirects by hand, so each hop can be seen.
 */
export class Browser {
  readonly cookies = new Map<string, string>();

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || /^\s*expires\s*=\s*Thu, 01 Jan 1970/i.test(a));
      if (gone || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    this.keep(res);
    return res;
  }

  /** Follows redirects from `url` until a page answers; every hop's URL and status, in order. */
  async follow(url: string, init: RequestInit = {}): Promise<{ hops: { url: string; status: number }[]; res: Response }> {
    const hops: { url: string; status: number }[] = [];
    let res = await this.fetch(url, init);
    hops.push({ url, status: res.status });
    for (let i = 0; i < 20 && res.status >= 300 && res.status < 400; i++) {
      url = new URL(res.headers.get('location')!, url).href;
      res = await this.fetch(url);
      hops.push({ url, status: res.status });
    }
    return { hops, res };
  }
}
