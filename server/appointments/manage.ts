import type { z } from 'zod';
import { rescheduleInput } from '../../contract/appointments';
import { AppError } from '../errors';
import { rt } from '../runtime';
import { isBookableStart, localDay, slotAt } from '../schedules/slots';
import { requireSchedule } from './availability';
import { claimPlace, releasePlace } from './capacity';
import { rescheduleInBackground } from './jobs';
import { notifyInBackground } from './notify';
import { appointmentInclude, changeDeadline, loadByManageToken, toView, type AppointmentFull } from './views';

export async function appointmentByToken(token: string, now = new Date()) {
  return toView(await loadByManageToken(token, now), now);
}

/** Only a booked appointment, and only until the deadline (BOOKING_CHANGE_DEADLINE_HOURS before it). */
function assertChangeable(a: AppointmentFull, now: Date) {
  if (a.status === 'cancelled') throw new AppError(409, 'already_cancelled', 'This appointment was already cancelled');
  if (a.status !== 'booked')
    throw new AppError(409, 'not_changeable', 'This appointment has taken place or was missed: it can no longer be changed');
  if (now >= changeDeadline(a.startsAt)) {
    throw new AppError(
      409,
      'change_deadline_passed',
      `Appointments can be changed online until ${rt().config.appointments.changeDeadlineHours} hours before; please call the office`,
    );
  }
}

/** The citizen cancels: the place is free again at once (same transaction). */
export async function cancelByToken(token: string, now = new Date()) {
  const a = await loadByManageToken(token, now);
  assertChangeable(a, now);
  const { db } = rt();
  const updated = await db.$transaction(async (tx) => {
    const res = await tx.appointment.updateMany({
      where: { id: a.id, status: 'booked', startsAt: a.startsAt },
      data: { status: 'cancelled', cancelledAt: now },
    });
    if (res.count === 0) throw new AppError(409, 'changed_meanwhile', 'The appointment changed meanwhile: reload the page');
    await releasePlace(tx, a.officeId, a.serviceId, a.startsAt);
    return tx.appointment.findUniqueOrThrow({ where: { id: a.id }, include: appointmentInclude });
  });
  rescheduleInBackground(a, null);
  notifyInBackground('cancelled', updated);
  return toView(updated, now);
}

/**
 * The citizen moves the appointment to another slot of the same office and service. One
 * transaction: take a place in the new slot (409 `slot_full` if it is gone), give the old one back,
 * move the appointment. The answer carries a new manage link; the links sent before stop working. The jobs of the old time are removed and the new time gets its own.
 */
export async function rescheduleByToken(token: string, raw: z.input<typeof rescheduleInput>, now = new Date()) {
  const input = rescheduleInput.parse(raw);
  const a = await loadByManageToken(token, now);
  assertChangeable(a, now);
  const ctx = await requireSchedule(a.officeId, a.serviceId);
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() === a.startsAt.getTime())
    throw new AppError(422, 'same_slot', 'The appointment is already at that time');
  const slot = slotAt(ctx.rule, startsAt);
  if (!slot || !isBookableStart(ctx.rule, ctx.closures, startsAt, now)) {
    throw new AppError(
      422,
      'slot_unavailable',
      'This time cannot be booked: the office is closed then, or it is too soon or too far ahead',
    );
  }
  const { db } = rt();
  const updated = await db.$transaction(
    async (tx) => {
      await claimPlace(tx, a.officeId, a.serviceId, slot.startsAt, ctx.rule.capacity);
      const res = await tx.appointment.updateMany({
        where: { id: a.id, status: 'booked', startsAt: a.startsAt },
        data: {
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          day: localDay(slot.startsAt, ctx.rule.timeZone),
          rescheduleCount: { increment: 1 },
          // The links sent for the old time stop working: the answer and the e-mail carry the new one.
          manageTokenVersion: { increment: 1 },
          remindersSent: [],
        },
      });
      if (res.count === 0) throw new AppError(409, 'changed_meanwhile', 'The appointment changed meanwhile: reload the page');
      await releasePlace(tx, a.officeId, a.serviceId, a.startsAt);
      return tx.appointment.findUniqueOrThrow({ where: { id: a.id }, include: appointmentInclude });
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
  rescheduleInBackground(a, updated, now);
  notifyInBackground('rescheduled', updated);
  return toView(updated, now);
}
