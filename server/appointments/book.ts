import { z } from 'zod';
import { instant } from '../../contract/primitives';
import type { Actor } from '../auth/actor';
import { AppError, unauthorized } from '../errors';
import { rt } from '../runtime';
import { isBookableStart, localDay, slotAt } from '../schedules/slots';
import { requireSchedule } from './availability';
import { claimPlace } from './capacity';
import { newBookingCode } from './codes';
import { rescheduleInBackground } from './jobs';
import { notifyInBackground } from './notify';
import { appointmentInclude, toView } from './views';

export const PHONE_PATTERN = /^\+?[0-9][0-9 ()./-]{4,22}$/;

const optionalEmail = z
  .string()
  .trim()
  .max(200)
  .pipe(z.union([z.literal(''), z.email('Not an e-mail address')]))
  .optional();
const optionalPhone = z
  .string()
  .trim()
  .max(24)
  .pipe(z.union([z.literal(''), z.string().regex(PHONE_PATTERN, 'Not a phone number')]))
  .optional();

export const bookInput = z
  .object({
    serviceId: z.string().min(1).max(64),
    officeId: z.string().min(1).max(64),
    /** The slot's start, as listed by the availability endpoint (ISO 8601 with offset). */
    startsAt: instant,
    name: z.string().trim().min(1).max(100),
    email: optionalEmail,
    phone: optionalPhone,
    /** The citizen accepted the privacy notice (required on every channel). */
    privacyConsent: z.literal(true, 'Please accept the privacy notice'),
    lang: z.enum(['it', 'en']).default('it'),
    /** `counter` needs a staff session (the clerk books for the citizen in front of them). */
    channel: z.enum(['online', 'kiosk', 'counter']).default('online'),
    /** The kiosk that booked (channel `kiosk`), for a printed slip. */
    kioskId: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.channel !== 'online' || Boolean(v.email || v.phone), {
    message: 'Give an e-mail address or a phone number',
    path: ['email'],
  });
export type BookInput = z.input<typeof bookInput>;

/**
 * Books a place in a slot. In one transaction: take a place with the conditional increment of the
 * slot's counter row (capacity.ts; a full slot is 409 `slot_full` and nothing is written), then
 * create the appointment with a fresh booking code. After the commit: the reminder and no-show
 * jobs, and the confirmation e-mail (neither can undo the booking).
 */
export async function bookAppointment(raw: BookInput, opts: { actor?: Actor | null; now?: Date } = {}) {
  const input = bookInput.parse(raw);
  const now = opts.now ?? new Date();
  if (input.channel === 'counter' && !opts.actor) throw unauthorized();
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
  const { db } = rt();
  for (let attempt = 0; ; attempt++) {
    try {
      const a = await db.$transaction(
        async (tx) => {
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
              email: input.email || null,
              phone: input.phone || null,
              privacyConsentAt: now,
              bookedByStaffId: input.channel === 'counter' ? (opts.actor?.staffId ?? null) : null,
              createdAt: now,
            },
            include: appointmentInclude,
          });
        },
        // Bursts for one slot queue on its row lock: give them time rather than a 503.
        { maxWait: 10_000, timeout: 15_000 },
      );
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
