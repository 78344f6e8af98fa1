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

/** One leaf of a MIME message: its content type and its body decoded to text (UTF-8). */
export interface MailPart {
  contentType: string;
  text: string;
}

/** A message read as a mail program would: the subject decoded, every text part and attachment decoded. */
export interface ReadMail {
  to: string;
  subject: string;
  parts: MailPart[];
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** Quoted-printable to bytes, then UTF-8 (a multi-byte letter spans several =XX). */
function fromQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const flat = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === '=' && /^[0-9A-F]{2}$/i.test(flat.slice(i + 1, i + 3))) {
      bytes.push(parseInt(flat.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`), the blanks between two of them dropped. */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : fromQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function leaves(raw: string): MailPart[] {
  const { headers, body } = splitHead(raw);
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .flatMap((p) => leaves(p.replace(/^\r?\n/, '')));
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? fromQuotedPrintable(body)
        : body;
  return [{ contentType, text }];
}

/** An .eml of the outbox, read: recipient, subject, parts. */
export function readEml(raw: string): ReadMail {
  const { headers } = splitHead(raw);
  return { to: headers.get('to') ?? '', subject: decodeWords(headers.get('subject') ?? ''), parts: leaves(raw) };
}

/** Waits (liveness only) for a message in the outbox that matches once read, and returns it read. */
export async function waitForReadMail(outbox: string, match: (m: ReadMail) => boolean, timeoutMs = 15_000): Promise<ReadMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
    for (const f of files.sort()) {
      const m = readEml(fs.readFileSync(path.join(outbox, f), 'utf8'));
      if (match(m)) return m;
    }
    if (Date.now() > until) throw new Error(`no matching e-mail in ${outbox} (${files.length} messages)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
