import { z } from 'zod';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { hashPassword, requireGoodPassword } from './password';

export const createAdminInput = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,32}$/, '3–32 lowercase letters, digits, . _ -'),
  password: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(120).optional(),
});

/**
 * The first (or another) admin of an installation, from the command line (`npm run create-admin`):
 * how a production database gets its first account, since it never receives the demo ones. The
 * person typing it chose the password, so it need not change at first login; the password rules
 * apply. An existing username is refused (409), nothing is changed.
 */
export async function createAdmin(db: Db, raw: z.input<typeof createAdminInput>) {
  const input = createAdminInput.parse(raw);
  await requireGoodPassword(input.username, input.password);
  if (await db.staff.findUnique({ where: { username: input.username }, select: { id: true } }))
    throw new AppError(409, 'username_taken', `The username "${input.username}" is taken`);
  return db.staff.create({
    data: {
      username: input.username,
      displayName: input.displayName ?? input.username,
      role: 'admin',
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: new Date(),
    },
    select: { id: true, username: true, role: true },
  });
}
