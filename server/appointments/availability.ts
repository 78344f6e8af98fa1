import type { z } from 'zod';
import { availabilityQuery, type Availability } from '../../contract/appointments';
import { AppError } from '../errors';
import { rt } from '../runtime';
import { scheduleContext, type ScheduleContext } from '../schedules/schedules';
import { addDays, availability, bookableDays, localDay } from '../schedules/slots';
import { textOf } from '../db/texts';

const MAX_RANGE_DAYS = 62;

export async function requireSchedule(officeId: string, serviceId: string): Promise<ScheduleContext> {
  const ctx = await scheduleContext(officeId, serviceId);
  if (!ctx) throw new AppError(404, 'not_bookable', 'This service cannot be booked at this office');
  return ctx;
}

/** How many places are taken per slot start (ms) at an office for a service, between two instants. */
export async function bookedCounts(officeId: string, serviceId: string, from: Date, to: Date): Promise<Map<number, number>> {
  const rows = await rt().db.appointmentSlot.findMany({
    where: { officeId, serviceId, startsAt: { gte: from, lt: to } },
    select: { startsAt: true, booked: true },
  });
  return new Map(rows.map((r) => [r.startsAt.getTime(), r.booked]));
}

/**
 * Free slots per local day. Days outside the bookable window are left out; closed days are
 * listed with the reason; each slot carries its free places (0 = full, still listed, so a
 * calendar can say "full" rather than pretend the office is closed).
 */
export async function availabilityFor(raw: z.input<typeof availabilityQuery>, now = new Date()): Promise<Availability> {
  const q = availabilityQuery.parse(raw);
  const ctx = await requireSchedule(q.officeId, q.serviceId);
  const tz = ctx.rule.timeZone;
  const from = q.from ?? localDay(now, tz);
  const to = q.to ?? addDays(from, 31);
  if (to < from) throw new AppError(400, 'invalid_range', '`to` comes before `from`');
  if (to > addDays(from, MAX_RANGE_DAYS)) throw new AppError(400, 'invalid_range', `At most ${MAX_RANGE_DAYS} days at a time`);
  // A day before the first local midnight up to a day after the last: covers any offset.
  const booked = await bookedCounts(
    ctx.office.id,
    ctx.service.id,
    new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000),
    new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000),
  );
  const days = availability(ctx.rule, ctx.closures, from, to, booked, now);
  const window = bookableDays(ctx.rule, now);
  return {
    office: ctx.office,
    service: { id: ctx.service.id, code: ctx.service.code, name: textOf(ctx.service.name) },
    timeZone: tz,
    slotMinutes: ctx.rule.slotMinutes,
    capacity: ctx.rule.capacity,
    firstDay: window.first,
    lastDay: window.last,
    days: days.map((d) => ({
      day: d.day,
      closed: d.closed,
      free: d.slots.reduce((n, s) => n + s.free, 0),
      slots: d.slots.map((s) => ({ startsAt: s.startsAt.toISOString(), time: s.time, free: s.free })),
    })),
  };
}
