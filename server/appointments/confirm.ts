import { createHash, randomBytes } from 'node:crypto';
import type { PendingBooking } from '../../contract/appointments';
import { AppError } from '../errors';
import { log } from '../log';
import { rt } from '../runtime';
import { localTime } from '../schedules/slots';
import { releasePlace } from './capacity';
import { rescheduleInBackground } from './jobs';
import { notifyInBackground } from './notify';
import { appointmentInclude, toView, type AppointmentFull } from './views';
import { textOf } from '../db/texts';

/**
 * Confirmation of online bookings. The booking e-mails a link `/book/confirm/<secret>`; only the
 * SHA-256 of the secret is stored (a database leak confirms nothing). Opening the link and
 * pressing "Confirm" turns the `pending` booking into a `booked` one while its hold lasts; after
 * `holdUntil` the place goes back to the slot (expirePendingBooking, run by a delayed job and
 * by the sweep) and the booking is `expired`.
 */

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashOf(token) };
}

export const confirmUrl = (token: string, lang: string) => `${rt().baseUrl}/book/confirm/${token}?lang=${lang}`;

/** What the booking answer shows of a pending booking: no code, no manage link (those come with the confirmation). */
export function toPendingView(a: AppointmentFull): PendingBooking {
  return {
    id: a.id,
    status: a.status,
    holdUntil: a.holdUntil?.toISOString() ?? null,
    startsAt: a.startsAt.toISOString(),
    day: a.day,
    time: localTime(a.startsAt, a.office.timeZone),
    timeZone: a.office.timeZone,
    office: { id: a.office.id, name: textOf(a.office.name), address: a.office.address },
    service: { id: a.service.id, code: a.service.code, name: textOf(a.service.name) },
    email: a.email,
  };
}

const expiredError = () =>
  new AppError(409, 'booking_expired', 'This booking was not confirmed in time and the place was released: please book again');

/**
 * Confirms the booking behind a link. Confirming twice shows the same confirmed booking; a
 * booking whose hold has passed is released (if nobody did yet) and refused with 409
 * `booking_expired`. After the commit: the reminder and no-show jobs and the confirmation e-mail.
 */
export async function confirmBooking(token: string, now = new Date()) {
  const { db } = rt();
  const a = await db.appointment.findUnique({ where: { confirmTokenHash: hashOf(token) }, include: appointmentInclude });
  if (!a) throw new AppError(404, 'confirm_invalid', 'This confirmation link is not valid');
  if (a.status === 'expired') throw expiredError();
  if (a.status !== 'pending') return toView(a, now);
  if (!a.holdUntil || a.holdUntil <= now) {
    await expirePendingBooking(a.id, now);
    throw expiredError();
  }
  const res = await db.appointment.updateMany({
    where: { id: a.id, status: 'pending', holdUntil: { gt: now } },
    data: { status: 'booked', confirmedAt: now, holdUntil: null },
  });
  const confirmed = await db.appointment.findUniqueOrThrow({ where: { id: a.id }, include: appointmentInclude });
  if (res.count === 0) {
    // Expired or confirmed meanwhile (a second click): answer with what it is now.
    if (confirmed.status === 'expired' || confirmed.status === 'pending') throw expiredError();
    return toView(confirmed, now);
  }
  rescheduleInBackground(null, confirmed, now);
  notifyInBackground('confirmation', confirmed);
  return toView(confirmed, now);
}

/**
 * Releases a pending booking whose hold has passed: in one transaction, the status becomes
 * `expired` (only if still pending and overdue) and the slot's place is given back. Returns
 * whether it did; running twice (job and sweep) releases once.
 */
export async function expirePendingBooking(appointmentId: string, now = new Date()): Promise<boolean> {
  return rt().db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ officeId: string; serviceId: string; startsAt: Date }[]>`
      UPDATE "Appointment" SET status = 'expired', "holdUntil" = NULL
      WHERE id = ${appointmentId} AND status = 'pending' AND "holdUntil" <= ${now}
      RETURNING "officeId", "serviceId", "startsAt"`;
    if (rows.length === 0) return false;
    await releasePlace(tx, rows[0].officeId, rows[0].serviceId, rows[0].startsAt);
    return true;
  });
}

/** The sweep's part: every pending booking past its hold (in case a delayed job was lost). */
export async function expireOverduePending(now = new Date()): Promise<number> {
  const due = await rt().db.appointment.findMany({
    where: { status: 'pending', holdUntil: { lte: now } },
    select: { id: true },
  });
  let n = 0;
  for (const a of due) {
    try {
      if (await expirePendingBooking(a.id, now)) n++;
    } catch (err) {
      log.warn({ err, appointmentId: a.id }, 'pending booking not expired; the next sweep tries again');
    }
  }
  return n;
}
