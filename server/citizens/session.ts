/**
 * Citizens' sign-ins, apart from the staff's: their own cookie, their own expiry, and the level
 * of identity they proved (`email` code or `strong` OpenID Connect). Only an HMAC of the token is
 * stored, like staff sessions.
 */
import { randomBytes } from 'node:crypto';
import type { IdentityLevel } from '../../contract/enums';
import { toLanguage, type Lang } from '../../contract/lang';
import type { CitizenInfo } from '../../contract/portal';
import { cookieValue, sessionKey } from '../auth/session';
import type { Citizen } from '../db/generated/client';
import { AppError } from '../errors';
import { rt } from '../runtime';

export const CITIZEN_COOKIE = 'sportello_citizen';
/** A citizen stays signed in this long on their phone, then signs in again. */
export const CITIZEN_SESSION_HOURS = 8;

export interface CitizenSessionInfo {
  key: string;
  citizen: Citizen;
  identity: IdentityLevel;
}

export async function startCitizenSession(citizenId: string, identity: IdentityLevel, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CITIZEN_SESSION_HOURS * 3_600_000);
  await rt().db.citizenSession.create({ data: { id: sessionKey(token), citizenId, identity, createdAt: now, expiresAt } });
  return { cookie: citizenCookie(token, expiresAt), expiresAt };
}

/** httpOnly and SameSite=Lax: the portal is reached from the town's site and from e-mail links. */
export function citizenCookie(token: string, expiresAt: Date): string {
  const secure = rt().baseUrl.startsWith('https:') ? '; Secure' : '';
  return `${CITIZEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export const clearedCitizenCookie = () => `${CITIZEN_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

export function citizenFromRequest(req: Request, now = new Date()): Promise<CitizenSessionInfo | null> {
  return citizenFromToken(cookieValue(req.headers.get('cookie'), CITIZEN_COOKIE), now);
}

/** The sign-in behind a portal cookie token (HTTP or socket), or null; an ended one is deleted. */
export async function citizenFromToken(token: string | undefined, now = new Date()): Promise<CitizenSessionInfo | null> {
  if (!token || token.length > 100) return null;
  const key = sessionKey(token);
  const s = await rt().db.citizenSession.findUnique({ where: { id: key }, include: { citizen: true } });
  if (!s) return null;
  if (s.expiresAt <= now) {
    await rt().db.citizenSession.deleteMany({ where: { id: key } });
    return null;
  }
  return { key, citizen: s.citizen, identity: s.identity };
}

export async function requireCitizen(req: Request): Promise<CitizenSessionInfo> {
  const s = await citizenFromRequest(req);
  if (!s) throw new AppError(401, 'unauthorized', 'Please sign in to the portal');
  return s;
}

export async function endCitizenSession(req: Request): Promise<void> {
  const token = cookieValue(req.headers.get('cookie'), CITIZEN_COOKIE);
  if (token) await rt().db.citizenSession.deleteMany({ where: { id: sessionKey(token) } });
}

export function citizenView(c: Citizen, identity: IdentityLevel): CitizenInfo {
  return { id: c.id, fiscalCode: c.fiscalCode, email: c.email, name: c.name, phone: c.phone, lang: toLanguage(c.lang), identity };
}

/** Removes ended citizen sign-ins and sign-in codes older than a day (with the staff purge job). */
export async function purgeExpiredCitizenSessions(now = new Date()): Promise<number> {
  const { db } = rt();
  const sessions = await db.citizenSession.deleteMany({ where: { expiresAt: { lte: now } } });
  const codes = await db.citizenLoginCode.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return sessions.count + codes.count;
}

/** The citizen changes the language their e-mails are written in (the portal's language picker). */
export async function setCitizenLanguage(s: CitizenSessionInfo, lang: Lang): Promise<CitizenInfo> {
  const citizen = await rt().db.citizen.update({ where: { id: s.citizen.id }, data: { lang } });
  return citizenView(citizen, s.identity);
}
