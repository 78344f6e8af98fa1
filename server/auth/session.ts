import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Prisma } from '../db/generated/client';
import { AppError, unauthorized } from '../errors';
import { endLiveSessions } from '../realtime/sessions';
import { rt } from '../runtime';
import type { Actor } from './actor';
import { DUMMY_HASH, verifyPassword } from './password';

export const SESSION_COOKIE = 'sportello_session';
export const SESSION_HOURS = 12;

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** Only an HMAC of the cookie token is stored, so a database leak does not leak sessions. */
export function sessionKey(token: string): string {
  return createHmac('sha256', rt().sessionSecret).update(token).digest('hex');
}

export async function login(raw: z.input<typeof loginInput>): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const input = loginInput.parse(raw);
  const { db } = rt();
  const staff = await db.staff.findUnique({ where: { username: input.username } });
  const ok = await verifyPassword(input.password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !staff.active || !ok) throw new AppError(401, 'invalid_credentials', 'Wrong username or password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.session.create({ data: { id: sessionKey(token), staffId: staff.id, expiresAt } });
  return {
    token,
    actor: { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role },
    expiresAt,
  };
}

export async function logout(token: string | undefined): Promise<void> {
  if (!token) return;
  const key = sessionKey(token);
  await rt().db.session.deleteMany({ where: { id: key } });
  endLiveSessions([key]);
}

/** The staff member behind a cookie token, or null (unknown, expired, or deactivated). */
export async function actorFromToken(token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const session = await rt().db.session.findUnique({ where: { id: sessionKey(token) }, include: { staff: true } });
  if (!session || session.expiresAt < new Date() || !session.staff.active) return null;
  const s = session.staff;
  return { staffId: s.id, username: s.username, displayName: s.displayName, role: s.role };
}

/** Deletes every login of an account (inside the caller's transaction); returns their keys. */
export async function deleteSessionsOf(tx: Pick<Prisma.TransactionClient, '$queryRaw'>, staffId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`DELETE FROM "Session" WHERE "staffId" = ${staffId} RETURNING id`;
  return rows.map((r) => r.id);
}

export async function requireActor(token: string | undefined): Promise<Actor> {
  const actor = await actorFromToken(token);
  if (!actor) throw unauthorized();
  return actor;
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
