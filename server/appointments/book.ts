import { bookInput, type BookInput } from '../../contract/appointments';
import type { Actor } from '../auth/actor';
import { AppError, unauthorized } from '../errors';
import { rt } from '../runtime';
import { isBookableStart, localDay, slotAt } from '../schedules/slots';
import { requireSchedule } from './availability';
import { claimPlace } from './capacity';
import { newBookingCode } from './codes';
import { confirmUrl, newConfirmToken, toPendingView } from './confirm';
import { requireContactAllowance } from './contact-limit';
import { rescheduleInBackground, scheduleExpiryInBackground } from './jobs';
import { notifyInBackground } from './notify';
import { appointmentInclude, toView } from './views';

/**
 * Who vouches for the citizen: a clerk at the counter (staff session) or a registered kiosk in
 * the office's hall book at once; anyone else (the web) books `pending` and confirms the e-mail.
 */
export interface BookingOrigin {
  actor?: Actor | null;
  /** The paired kiosk screen that sent the request (its cookie, resolved by the route), if any. */
  kiosk?: { id: string } | null;
  now?: Date;
}

/**
 * Books a place in a slot. In one transaction: for an online booking, check the contact's daily
 * limit (under an advisory lock per contact, so parallel requests cannot both pass); take a place
 * with the conditional increment of the slot's counter row (capacity.ts; a full slot is 409
 * `slot_full` and nothing is written); create the appointment with a fresh booking code.
 *
 * Online bookings are `pending`: the place is held (it counts against the capacity) until
 * `holdUntil` (BOOKING_CONFIRM_MINUTES), and the citizen confirms through the e-mailed link
 * (confirm.ts). A delayed job and the sweep give the place back if nobody confirms. After the
 * commit: the expiry job and the confirmation request, or (counter, kiosk) the reminder and
 * no-show jobs and the confirmation e-mail; neither can undo the booking.
 */
export async function bookAppointment(raw: BookInput, opts: BookingOrigin = {}) {
  const input = bookInput.parse(raw);
  const now = opts.now ?? new Date();
  if (input.channel === 'counter' && !opts.actor) throw unauthorized();
  if (input.channel === 'kiosk') {
    if (!opts.kiosk) throw new AppError(403, 'kiosk_not_registered', 'Bookings at a kiosk need a paired kiosk screen');
    if (input.kioskId && input.kioskId !== opts.kiosk.id)
      throw new AppError(403, 'wrong_kiosk', 'This screen is paired with another kiosk');
  }
  const pending = input.channel === 'online';
  const ctx = await requireSchedule(input.officeId, input.serviceId);
  const startsAt = new Date(input.startsAt);
  const slot = slotAt(ctx.rule, startsAt);
  if (!slot || !isBookableStart(ctx.rule, ctx.closures, startsAt, now)) {
    throw new AppError(
      422,
      'slot_unavailable',
      'This time cannot be booked: the office is closed then, or it is too soon or too far ahead',
    );
  }
  const { db, config } = rt();
  const confirm = pending ? newConfirmToken() : null;
  const holdUntil = pending ? new Date(now.getTime() + config.booking.confirmMinutes * 60_000) : null;
  for (let attempt = 0; ; attempt++) {
    try {
      const a = await db.$transaction(
        async (tx) => {
          if (pending) await requireContactAllowance(tx, { email: input.email, phone: input.phone }, now);
          await claimPlace(tx, ctx.office.id, ctx.service.id, slot.startsAt, ctx.rule.capacity);
          return tx.appointment.create({
            data: {
              code: newBookingCode(),
              officeId: ctx.office.id,
              serviceId: ctx.service.id,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              day: localDay(slot.startsAt, ctx.rule.timeZone),
              channel: input.channel,
              lang: input.lang,
              name: input.name,
              email: input.email ? input.email.toLowerCase() : null,
              phone: input.phone || null,
              privacyConsentAt: now,
              bookedByStaffId: input.channel === 'counter' ? (opts.actor?.staffId ?? null) : null,
              createdAt: now,
              ...(confirm ? { status: 'pending', confirmTokenHash: confirm.hash, holdUntil } : { confirmedAt: now }),
            },
            include: appointmentInclude,
          });
        },
        // Bursts for one slot queue on its row lock: give them time rather than a 503.
        { maxWait: 10_000, timeout: 15_000 },
      );
      if (confirm) {
        scheduleExpiryInBackground(a, now);
        notifyInBackground('confirm_request', a, { confirmUrl: confirmUrl(confirm.token, input.lang) });
        return toPendingView(a);
      }
      rescheduleInBackground(null, a, now);
      notifyInBackground('confirmation', a);
      return toView(a, now);
    } catch (err) {
      // A booking code already in use (40 random bits: rare): the transaction is void, try again.
      if ((err as { code?: string }).code === 'P2002' && attempt < 3) continue;
      throw err;
    }
  }
}
