import type { TodayAnswer } from '../../contract/appointments';
import type { Actor } from '../auth/actor';
import { assertPersonalDataAccess } from '../auth/office-access';
import { notFound } from '../errors';
import { rt } from '../runtime';
import { localDay, localTime } from '../schedules/slots';
import { formatBookingCode } from './codes';
import { appointmentInclude, displayStatus } from './views';
import { textOf } from '../db/texts';

/**
 * The office's appointments of its current local day, by booked time, for the counters: who is
 * booked, checked in (ticket number), being served, done, missed or cancelled. Staff see the
 * citizen's name and phone (to greet and to call back), never the e-mail address.
 */
export async function todayAppointments(officeId: string, now = new Date()): Promise<TodayAnswer> {
  const { db } = rt();
  const office = await db.office.findUnique({ where: { id: officeId }, select: { id: true, timeZone: true } });
  if (!office) throw notFound('Office');
  const day = localDay(now, office.timeZone);
  const rows = await db.appointment.findMany({
    // Unconfirmed online bookings are not (yet, or any more) appointments of the day.
    where: { officeId, day, status: { notIn: ['pending', 'expired'] } },
    include: appointmentInclude,
    orderBy: [{ startsAt: 'asc' }, { createdAt: 'asc' }],
  });
  const items = rows.map((a) => ({
    id: a.id,
    code: formatBookingCode(a.code),
    startsAt: a.startsAt.toISOString(),
    time: localTime(a.startsAt, office.timeZone),
    status: displayStatus(a),
    channel: a.channel,
    name: a.name,
    phone: a.phone,
    service: { id: a.service.id, name: textOf(a.service.name) },
    ticket: a.ticket
      ? { id: a.ticket.id, number: a.ticket.number, status: a.ticket.status, late: a.ticket.priority !== 'appointment' }
      : null,
  }));
  const counts = { booked: 0, checked_in: 0, serving: 0, done: 0, no_show: 0, cancelled: 0 };
  for (const i of items) if (i.status !== 'pending' && i.status !== 'expired') counts[i.status]++;
  return { officeId, day, timeZone: office.timeZone, counts, appointments: items };
}

/** `GET /api/appointments/today`: only for staff who work in the office (auth/office-access.ts). */
export async function todayAppointmentsFor(actor: Actor, officeId: string, now = new Date()) {
  await assertPersonalDataAccess(actor, officeId);
  return todayAppointments(officeId, now);
}
