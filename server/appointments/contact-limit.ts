import { DateTime } from 'luxon';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';
import { rt } from '../runtime';

type Tx = Prisma.TransactionClient;

/** Digits only, so "+39 333 123 4567" and "+393331234567" are one contact. */
export const phoneDigits = (phone: string) => phone.replace(/[^0-9]/g, '');

/**
 * Refuses (429 `contact_limit`) an online booking when the same e-mail address or phone number
 * already made BOOKINGS_PER_CONTACT_PER_DAY online bookings since local midnight (TIME_ZONE),
 * whatever became of them: each one sent an e-mail, and expired holds blocked places for a while.
 * Takes a transaction-scoped advisory lock per contact first, so parallel bookings of one contact
 * are counted one after the other.
 */
export async function requireContactAllowance(tx: Tx, contact: { email?: string; phone?: string }, now: Date): Promise<void> {
  const { config } = rt();
  const limit = config.booking.perContactPerDay;
  if (limit <= 0) return;
  const email = contact.email ? contact.email.trim().toLowerCase() : null;
  const phone = contact.phone ? phoneDigits(contact.phone) : null;
  const lockKeys = [email && `booking-contact:e:${email}`, phone && `booking-contact:p:${phone}`].filter(Boolean).sort();
  for (const k of lockKeys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${k}))`;
  const since = DateTime.fromJSDate(now).setZone(config.timeZone).startOf('day').toJSDate();
  const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Appointment"
    WHERE channel = 'online' AND "createdAt" >= ${since}
      AND ((${email}::text IS NOT NULL AND lower(email) = ${email}::text)
        OR (${phone}::text IS NOT NULL AND regexp_replace(phone, '[^0-9]', '', 'g') = ${phone}::text))`;
  if (n >= limit)
    throw new AppError(
      429,
      'contact_limit',
      `This e-mail address or phone number has made ${limit} bookings today: please call the office for more`,
    );
}
