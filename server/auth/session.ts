import { createHmac } from 'node:crypto';
import { sql, type SqlRunner } from '../db/sql';
import { AppError, unauthorized } from '../errors';
import { endLiveSessions } from '../realtime/sessions';
import { sessionCache, type SessionRow } from './session-cache';
import type { Role } from '../db/generated/enums';
import { rt } from '../runtime';
import type { Actor } from './actor';

export const SESSION_COOKIE = 'sportello_session';
export const SESSION_HOURS = 12;

/** Only an HMAC of the cookie token is stored, so a database leak does not leak sessions. */
export function sessionKey(token: string): string {
  return createHmac('sha256', rt().sessionSecret).update(token).digest('hex');
}

/** Removes the logins past their absolute end or idle for longer than any role allows (a repeatable job). */
export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const { operatorIdleMinutes, adminIdleMinutes } = rt().config.staffAuth;
  const before = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const expired = await rt().db.session.findMany({
    where: {
      OR: [
        { expiresAt: { lte: now } },
        { lastSeenAt: { lt: before(operatorIdleMinutes) }, staff: { role: 'operator' } },
        { lastSeenAt: { lt: before(adminIdleMinutes) }, staff: { role: { in: ['supervisor', 'admin'] } } },
      ],
    },
    select: { id: true },
  });
  if (expired.length === 0) return 0;
  const keys = expired.map((s) => s.id);
  await rt().db.session.deleteMany({ where: { id: { in: keys } } });
  loginsEnded(keys);
  return keys.length;
}

export async function logout(token: string | undefined): Promise<void> {
  if (!token) return;
  const key = sessionKey(token);
  await rt().db.session.deleteMany({ where: { id: key } });
  loginsEnded([key]);
}

/**
 * Logins that were deleted (committed): every app process forgets its cached copy
 * (auth/session-cache.ts) and their live staff screens end (realtime/sessions.ts).
 */
export function loginsEnded(keys: string[]): void {
  if (keys.length === 0) return;
  sessionCache.announce({ keys, staffIds: [] });
  endLiveSessions(keys);
}

/** A staff member changed in what their logins carry (name, password to change): every process reads them again. */
export function staffLoginsChanged(staffId: string): void {
  sessionCache.announce({ keys: [], staffIds: [staffId] });
}

/** A valid login: its staff member, and whether they must first change their password. */
export interface StaffSession {
  key: string;
  actor: Actor;
  mustChangePassword: boolean;
}

/** Minutes without a request after which a login of this role ends (STAFF_/ADMIN_SESSION_IDLE_MINUTES). */
export function idleMinutes(role: Role): number {
  const { operatorIdleMinutes, adminIdleMinutes } = rt().config.staffAuth;
  return role === 'operator' ? operatorIdleMinutes : adminIdleMinutes;
}

/** lastSeenAt is written at most this often, so a busy screen does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The login behind a cookie token, or null: unknown, past its absolute end (SESSION_HOURS), idle
 * for longer than its role allows, or of a deactivated account. An idle or expired login is
 * deleted at once (the purge job removes the ones nobody comes back to). A valid one is marked
 * as seen now. Every staff request asks: the login comes from the session cache when it was read
 * recently (auth/session-cache.ts), else in plain SQL (db/sql.ts).
 */
export async function sessionFromToken(token: string | undefined, now = new Date()): Promise<StaffSession | null> {
  if (!token || token.length > 100) return null;
  const db = sql(rt().db);
  const key = sessionKey(token);
  const nowMs = now.getTime();
  let s = sessionCache.get(key, nowMs);
  if (!s) {
    const generation = sessionCache.generation();
    [s] = await db.$queryRaw<SessionRow[]>`
      SELECT se."expiresAt", se."lastSeenAt", st.id, st.username, st."displayName", st.role, st.active, st."mustChangePassword"
      FROM "Session" se JOIN "Staff" st ON st.id = se."staffId" WHERE se.id = ${key}`;
    if (!s) return null;
    sessionCache.remember(key, s, generation, nowMs);
  }
  const idleSince = nowMs - s.lastSeenAt.getTime();
  if (s.expiresAt <= now || idleSince > idleMinutes(s.role) * 60_000) {
    sessionCache.forget([key]);
    await db.$queryRaw`DELETE FROM "Session" WHERE id = ${key}`;
    return null;
  }
  if (!s.active) return null;
  if (idleSince >= TOUCH_EVERY_MS) {
    await db.$queryRaw`UPDATE "Session" SET "lastSeenAt" = ${now} WHERE id = ${key}`;
    s.lastSeenAt = now; // the cached copy too: the next minute's requests need not write
  }
  return {
    key,
    actor: { staffId: s.id, username: s.username, displayName: s.displayName, role: s.role },
    mustChangePassword: s.mustChangePassword,
  };
}

/**
 * The staff member behind a cookie token, or null (unknown, expired, idle, deactivated — or still
 * bound to change a password the admin chose: such a login may do nothing else).
 */
export async function actorFromToken(token: string | undefined, now = new Date()): Promise<Actor | null> {
  const session = await sessionFromToken(token, now);
  return session && !session.mustChangePassword ? session.actor : null;
}

/** Deletes every login of an account (inside the caller's transaction); returns their keys. */
export async function deleteSessionsOf(tx: SqlRunner, staffId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`DELETE FROM "Session" WHERE "staffId" = ${staffId} RETURNING id`;
  return rows.map((r) => r.id);
}

export const passwordChangeRequired = () =>
  new AppError(403, 'password_change_required', 'Please choose a new password before going on');

/** Every staff route: a full login, or 401; 403 `password_change_required` while the password must change. */
export async function requireActor(token: string | undefined): Promise<Actor> {
  const session = await requireSession(token);
  if (session.mustChangePassword) throw passwordChangeRequired();
  return session.actor;
}

/** A login even if its password must change first (the password and "me" routes only). */
export async function requireSession(token: string | undefined): Promise<StaffSession> {
  const session = await sessionFromToken(token);
  if (!session) throw unauthorized();
  return session;
}

/** Reads one cookie from a Cookie header (sockets and route handlers alike). */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      // A malformed cookie is no session, not an error.
      return undefined;
    }
  }
  return undefined;
}
