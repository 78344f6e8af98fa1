import type { z } from 'zod';
import { changePasswordInput } from '../../contract/auth';
import { withAudit } from '../admin/audit';
import { AppError } from '../errors';
import { rt } from '../runtime';
import { recordLoginFailure, requireLoginAllowed } from './login-throttle';
import { hashPassword, requireGoodPassword, verifyPassword } from './password';
import { loginsEnded, staffLoginsChanged, type StaffSession } from './session';

/**
 * A staff member changes their own password: the current one is asked again (a screen left
 * open is not enough; a wrong one counts as a failed login), the new one must follow the rules
 * (password.ts). In one transaction: the new hash, the "must change" and "demo password" marks
 * cleared, the person's other logins ended (this one stays), an audit row. The login that had
 * to change its password may now do everything its role allows.
 */
export async function changeOwnPassword(
  session: StaffSession,
  raw: z.input<typeof changePasswordInput>,
  opts: { address?: string; now?: Date } = {},
): Promise<void> {
  const input = changePasswordInput.parse(raw);
  const now = opts.now ?? new Date();
  const { actor } = session;
  const address = opts.address ?? 'unknown';
  await requireLoginAllowed(actor.username, address);
  const { db } = rt();
  const staff = await db.staff.findUniqueOrThrow({ where: { id: actor.staffId } });
  if (!(await verifyPassword(input.currentPassword, staff.passwordHash))) {
    await recordLoginFailure(actor.username, address);
    throw new AppError(403, 'wrong_current_password', 'The current password is not right');
  }
  await requireGoodPassword(staff.username, input.newPassword, staff.passwordHash);
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db.$transaction(async (tx) => {
    await tx.staff.update({
      where: { id: staff.id },
      data: { passwordHash, mustChangePassword: false, demoPassword: false, passwordChangedAt: now },
    });
    const others = await tx.session.findMany({ where: { staffId: staff.id, id: { not: session.key } }, select: { id: true } });
    await tx.session.deleteMany({ where: { id: { in: others.map((s) => s.id) } } });
    await withAudit(tx, actor, {
      action: 'password_change',
      entity: 'staff',
      entityId: staff.id,
      before: { username: staff.username, mustChangePassword: staff.mustChangePassword },
      after: { username: staff.username, mustChangePassword: false, passwordChanged: true },
    });
    return others.map((s) => s.id);
  });
  loginsEnded(ended);
  // This login stays, no longer bound to change its password: every process reads it again.
  staffLoginsChanged(staff.id);
}
