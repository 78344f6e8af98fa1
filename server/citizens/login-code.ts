/**
 * Sign-in by a one-time code sent by e-mail, the portal's default when no OpenID provider is
 * configured: 6 digits, valid CODE_MINUTES, CODE_ATTEMPTS tries, at most CODES_PER_HOUR codes
 * per address (and the per-client rate limit of the route). Only an HMAC of the code is kept. The
 * answer never says whether an address is known: a citizen record is made at the first sign-in.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { createTranslator } from 'use-intl/core';
import { toLanguage, type Lang } from '../../contract/lang';
import { messages } from '../../i18n/messages';
import { AppError } from '../errors';
import { log } from '../log';
import { sendMail } from '../mail/send';
import { rt } from '../runtime';
import { startCitizenSession } from './session';

export const CODE_MINUTES = 10;
export const CODE_ATTEMPTS = 5;
export const CODES_PER_HOUR = 5;

const codeHash = (email: string, code: string) =>
  createHmac('sha256', rt().sessionSecret).update(`citizen-code:${email}:${code}`).digest('hex');

export async function sendLoginCode(email: string, lang: Lang, now = new Date()): Promise<{ expiresInMinutes: number }> {
  const { db } = rt();
  const recent = await db.citizenLoginCode.count({ where: { email, createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
  if (recent >= CODES_PER_HOUR)
    throw new AppError(429, 'too_many_codes', 'Too many codes asked for this address: please wait an hour', {
      retryAfterSeconds: 3600,
    });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.citizenLoginCode.create({
    data: { email, codeHash: codeHash(email, code), createdAt: now, expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) },
  });
  const known = await db.citizen.findUnique({ where: { email }, select: { lang: true } });
  const t = createTranslator({
    locale: lang,
    messages: messages[known ? toLanguage(known.lang) : lang],
    namespace: 'portal.email',
  });
  try {
    await sendMail({
      to: email,
      subject: t('code.subject', { code }),
      text: [t('code.intro'), '', code, '', t('code.validity', { minutes: CODE_MINUTES }), t('code.ignore')].join('\n'),
    });
  } catch (err) {
    log.error({ err }, 'sign-in code not sent');
    throw new AppError(503, 'mail_unavailable', 'The e-mail could not be sent: please try again shortly');
  }
  return { expiresInMinutes: CODE_MINUTES };
}

const invalid = (attemptsLeft: number) =>
  new AppError(400, 'code_invalid', 'This code is wrong or no longer valid', { attemptsLeft });

/** Checks the code; on success the citizen (made now if new) is signed in: the answer carries the cookie. */
export async function verifyLoginCode(email: string, code: string, lang: Lang, now = new Date()) {
  const { db } = rt();
  const latest = await db.citizenLoginCode.findFirst({ where: { email, usedAt: null }, orderBy: { createdAt: 'desc' } });
  if (!latest || latest.expiresAt <= now) throw invalid(0);
  // Counted before checking, atomically, so parallel guesses cannot go past the limit.
  const counted = await db.citizenLoginCode.updateMany({
    where: { id: latest.id, usedAt: null, attempts: { lt: CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) throw new AppError(429, 'too_many_attempts', 'Too many wrong codes: ask for a new one');
  const a = Buffer.from(latest.codeHash, 'hex');
  const b = Buffer.from(codeHash(email, code), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalid(CODE_ATTEMPTS - latest.attempts - 1);
  const used = await db.citizenLoginCode.updateMany({ where: { id: latest.id, usedAt: null }, data: { usedAt: now } });
  if (used.count === 0) throw invalid(0);
  const citizen = await db.citizen.upsert({ where: { email }, update: {}, create: { email, lang } });
  return { citizen, ...(await startCitizenSession(citizen.id, 'email', now)) };
}
