import type { Me } from '../../contract/auth';
import { rt } from '../runtime';
import type { StaffSession } from './session';

/**
 * Who is logged in, their counter, whether they must change their password first, and whether
 * accounts with the published demo password exist (the screens then show a "demo data" badge).
 */
export async function me(session: StaffSession): Promise<Me> {
  const { actor } = session;
  const [counter, demoAccounts] = await Promise.all([
    rt().db.counter.findUnique({ where: { staffId: actor.staffId }, select: { id: true } }),
    rt().db.staff.count({ where: { active: true, demoPassword: true } }),
  ]);
  return {
    staff: { id: actor.staffId, username: actor.username, displayName: actor.displayName, role: actor.role },
    counterId: counter?.id ?? null,
    mustChangePassword: session.mustChangePassword,
    demo: demoAccounts > 0,
  };
}
