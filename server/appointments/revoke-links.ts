import { withAudit } from '../admin/audit';
import type { Actor } from '../auth/actor';
import { assertPersonalDataAccess } from '../auth/office-access';
import { AppError } from '../errors';
import { rt } from '../runtime';
import { BOOKING_CODE_PATTERN, formatBookingCode, normaliseBookingCode } from './codes';
import { notifyInBackground } from './notify';
import { appointmentInclude } from './views';

/**
 * The office revokes every manage link of an appointment (a citizen says the e-mail was
 * forwarded, or read by someone else): its link version goes up, so each link sent before
 * answers 403 `token_revoked`, and the citizen gets the new link by e-mail. Staff who work in
 * the appointment's office (auth/office-access.ts); audited without the link.
 */
export async function revokeManageLinks(actor: Actor, rawCode: string): Promise<{ code: string; emailed: boolean }> {
  const code = normaliseBookingCode(rawCode);
  const notFound = new AppError(404, 'appointment_not_found', 'No appointment has this code');
  if (!BOOKING_CODE_PATTERN.test(code)) throw notFound;
  const { db } = rt();
  const found = await db.appointment.findUnique({ where: { code }, select: { id: true, officeId: true } });
  if (!found) throw notFound;
  await assertPersonalDataAccess(actor, found.officeId);
  const a = await db.$transaction(async (tx) => {
    const a = await tx.appointment.update({
      where: { id: found.id },
      data: { manageTokenVersion: { increment: 1 } },
      include: appointmentInclude,
    });
    await withAudit(tx, actor, {
      action: 'link_revoke',
      entity: 'appointment',
      entityId: a.id,
      after: { code: formatBookingCode(a.code), linkVersion: a.manageTokenVersion },
    });
    return a;
  });
  notifyInBackground('new_link', a);
  return { code: formatBookingCode(a.code), emailed: a.email !== null };
}
