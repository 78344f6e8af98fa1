import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { log } from '../log';
import { rt } from '../runtime';

/**
 * Outgoing e-mail through nodemailer. With SMTP_URL set, it goes to that server. Without it (the
 * default, and in development and tests) each message is rendered by nodemailer's stream
 * transport and written as a readable `.eml` file to DATA_DIR/outbox, so the messages can be
 * opened with any mail program without a mail server.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Sent {
  messageId: string;
  /** The .eml file, when written to the outbox. */
  file: string | null;
}

const holder = globalThis as typeof globalThis & { __sportelloMail?: { key: string; transport: Transporter } };

function transport(): { transport: Transporter; outbox: string | null } {
  const { mail } = rt().config;
  const key = mail.smtpUrl ?? `outbox:${mail.outboxDir}`;
  if (holder.__sportelloMail?.key !== key) {
    const t = mail.smtpUrl
      ? nodemailer.createTransport(mail.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    holder.__sportelloMail = { key, transport: t };
  }
  return { transport: holder.__sportelloMail.transport, outbox: mail.smtpUrl ? null : mail.outboxDir };
}

export async function sendMail(m: Mail): Promise<Sent> {
  const { transport: t, outbox } = transport();
  const info = (await t.sendMail({ from: rt().config.mail.from, ...m })) as { messageId: string; message?: Buffer };
  if (!outbox) return { messageId: info.messageId, file: null };
  await fs.mkdir(outbox, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(outbox, `${stamp}-${randomBytes(3).toString('hex')}.eml`);
  await fs.writeFile(file, info.message ?? Buffer.alloc(0));
  log.info({ file, to: m.to, subject: m.subject }, 'e-mail written to the outbox');
  return { messageId: info.messageId, file };
}
