import fs from 'node:fs';
import path from 'node:path';
import { ApiClient } from './api';
import type { TestApp } from './app';
import { decodeEml } from './outbox';

/** The newest sign-in code the app e-mailed to this address. */
export async function loginCodeFor(app: TestApp, email: string): Promise<string> {
  const outbox = path.join(app.dataDir, 'outbox');
  const until = Date.now() + 15_000;
  for (;;) {
    const files = fs.existsSync(outbox)
      ? fs
          .readdirSync(outbox)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .reverse()
      : [];
    for (const f of files) {
      const text = decodeEml(fs.readFileSync(path.join(outbox, f), 'utf8'));
      const code = /^(\d{6})$/m.exec(text);
      if (text.includes(`To: ${email}`) && code) return code[1];
    }
    if (Date.now() > until) throw new Error(`no code e-mailed to ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A citizen signed in to the portal with the e-mailed code (the client holds the portal cookie). */
export async function signedInCitizen(app: TestApp, email: string, lang?: string): Promise<ApiClient> {
  const c = new ApiClient(app.url);
  const sent = await c.post('/api/citizen/login', { email, lang });
  if (sent.status !== 202) throw new Error(`code not sent: ${sent.status} ${JSON.stringify(sent.body)}`);
  const r = await c.post('/api/citizen/login/verify', { email, code: await loginCodeFor(app, email), lang });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

/** What the residence certificate's demo form asks. */
export const CERT_DATA = { intestatario: 'RSSMRA85T10A562S', uso: 'scuola', copie: 2 };

/** How the demo's certificate requests pay the stamp duty: exempt, for school use. */
export const CERT_STAMP = { kind: 'exempt', exemption: 'school' } as const;
