import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';

type Tx = Prisma.TransactionClient;

export const slotFull = () =>
  new AppError(409, 'slot_full', 'This time is no longer available: somebody booked the last place. Please choose another time.');

/**
 * Takes one place of a slot, or refuses with 409 `slot_full`. One statement: the slot's counter
 * row is created on first use and otherwise incremented only while `booked < capacity`; PostgreSQL
 * locks the row, and every concurrent statement re-checks the condition on the row as the previous
 * one left it, so the capacity can never be exceeded, whatever the number of parallel requests.
 * The capacity comes from the current schedule, so changing it applies to existing slots too.
 */
export async function claimPlace(tx: Tx, officeId: string, serviceId: string, startsAt: Date, capacity: number): Promise<void> {
  if (capacity < 1) throw slotFull();
  const rows = await tx.$queryRaw<{ booked: number }[]>`
    INSERT INTO "AppointmentSlot" ("officeId", "serviceId", "startsAt", "booked") VALUES (${officeId}, ${serviceId}, ${startsAt}, 1)
    ON CONFLICT ("officeId", "serviceId", "startsAt") DO UPDATE SET "booked" = "AppointmentSlot"."booked" + 1
    WHERE "AppointmentSlot"."booked" < ${capacity}
    RETURNING "booked"`;
  if (rows.length === 0) throw slotFull();
}

/** Gives a place back at once (cancelled or moved), in the same transaction as the status change. */
export async function releasePlace(tx: Tx, officeId: string, serviceId: string, startsAt: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "AppointmentSlot" SET "booked" = "booked" - 1
    WHERE "officeId" = ${officeId} AND "serviceId" = ${serviceId} AND "startsAt" = ${startsAt} AND "booked" > 0`;
}
