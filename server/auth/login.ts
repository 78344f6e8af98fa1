import { loginInput } from '../../contract/auth';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../errors';
import { log } from '../log';
import { rt } from '../runtime';
import type { Actor } from './actor';
import { clearAccountFailures, recordLoginFailure, requireLoginAllowed } from './login-throttle';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password';
import { SESSION_HOURS, sessionKey } from './session';

export interface LoginResult {
  token: string;
  actor: Actor;
  expiresAt: Date;
  /** The password was chosen by an admin (or a seed): this login may only change it. */
  mustChangePassword: boolean;
}

type FailReason = 'unknown_user' | 'wrong_password' | 'inactive';

/**
 * A staff login. Refused with 429 while the account or the address is throttled
 * (login-throttle.ts); a wrong password, an unknown user or a deactivated account is one answer,
 * 401 `invalid_credentials`, counted against both limits and written to the audit log. A hash
 * of a lower bcrypt cost is replaced while the password is at hand.
 */
export async function login(raw: z.input<typeof loginInput>, opts: { address?: string; now?: Date } = {}): Promise<LoginResult> {
  const input = loginInput.parse(raw);
  const address = opts.address ?? 'unknown';
  const now = opts.now ?? new Date();
  await requireLoginAllowed(input.username, address);
  const { db } = rt();
  const staff = await db.staff.findUnique({ where: { username: input.username } });
  const ok = await verifyPassword(input.password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !staff.active || !ok) {
    const reason: FailReason = !staff ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive';
    await recordLoginFailure(input.username, address);
    await auditFailedLogin(input.username, staff?.id ?? null, address, reason, now);
    throw new AppError(401, 'invalid_credentials', 'Wrong username or password');
  }
  await clearAccountFailures(input.username);
  if (needsRehash(staff.passwordHash)) {
    await db.staff.update({ where: { id: staff.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.session.create({ data: { id: sessionKey(token), staffId: staff.id, createdAt: now, lastSeenAt: now, expiresAt } });
  return {
    token,
    actor: { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role },
    expiresAt,
    mustChangePassword: staff.mustChangePassword,
  };
}

/**
 * One audit row per failed login (entity `login`, id = the username tried, cut to 64 characters),
 * with the account's id as author when it exists; the throttle keeps a flood of them bounded per
 * address. Never fails the login answer.
 */
async function auditFailedLogin(username: string, staffId: string | null, address: string, reason: FailReason, now: Date) {
  await rt()
    .db.auditLog.create({
      data: {
        at: now,
        staffId: staffId ?? '',
        action: 'login_failed',
        entity: 'login',
        entityId: username.slice(0, 64),
        after: { address, reason },
      },
    })
    .catch((err: unknown) => log.error({ err }, 'failed login not audited'));
  log.warn({ username: username.slice(0, 64), address, reason }, 'failed staff login');
}
