import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from './api';

/** The text of an .eml as written by nodemailer: quoted-printable soft breaks joined and =XX decoded. */
export function decodeEml(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Waits (liveness only) for a message in the outbox that matches, and returns its decoded text. */
export async function waitForMail(outbox: string, match: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
    for (const f of files.sort()) {
      const text = decodeEml(fs.readFileSync(path.join(outbox, f), 'utf8'));
      if (match(text)) return text;
    }
    if (Date.now() > until) throw new Error(`no matching e-mail in ${outbox} (${files.length} messages)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The secret of the confirmation link in a "please confirm" e-mail. */
export function confirmTokenIn(text: string): string {
  const m = /\/book\/confirm\/([A-Za-z0-9_-]{32,64})/.exec(text);
  if (!m) throw new Error('no confirmation link in the e-mail');
  return m[1];
}

/** Finds the confirmation e-mail sent to `email` and confirms through its link: the booked appointment. */
export async function confirmFromOutbox(api: ApiClient, outbox: string, email: string) {
  const mail = await waitForMail(outbox, (t) => t.includes(`To: ${email}`) && t.includes('/book/confirm/'));
  const r = await api.post('/api/appointments/confirm', { token: confirmTokenIn(mail) });
  if (r.status !== 200) throw new Error(`confirm failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
