import { checkInInput, type CheckInAnswer, type CheckInInput } from '../../contract/appointments';
import { AppError, notFound } from '../errors';
import { log } from '../log';
import { requestTicketPrint } from '../printing/print-jobs';
import { enqueue, ensureBuilt } from '../queue/engine';
import { queueTime } from '../queue/policy';
import { publishOfficeChanged } from '../realtime/publish';
import { rt } from '../runtime';
import { localDay, localTime } from '../schedules/slots';
import { ANONYMOUS, assertMayIssue, type Issuer } from '../tickets/issuer';
import { insertTicket } from '../tickets/insert';
import { businessDay } from '../tickets/numbering';
import { publicTicket, toPublic } from '../tickets/views';
import { BOOKING_CODE_PATTERN, normaliseBookingCode } from './codes';
import { removeAppointmentJobs } from './jobs';
import { MANAGE_TOKEN_SEARCH } from './manage-token';
import { appointmentInclude, loadAppointment, loadByManageToken, toSummary, type AppointmentFull } from './views';
import { textOf } from '../db/texts';

/** The appointment behind a code, a token or a whole manage URL (what a QR scanner types). */
export async function resolveAppointment(text: string, now = new Date()): Promise<AppointmentFull> {
  const token = MANAGE_TOKEN_SEARCH.exec(text.toLowerCase());
  if (token) return loadByManageToken(token[0], now);
  const code = normaliseBookingCode(text);
  if (!BOOKING_CODE_PATTERN.test(code)) throw new AppError(404, 'appointment_not_found', 'No appointment has this code');
  const a = await rt().db.appointment.findUnique({ where: { code }, include: appointmentInclude });
  if (!a) throw new AppError(404, 'appointment_not_found', 'No appointment has this code');
  return a;
}

/**
 * Check-in at the kiosk → a ticket in the appointment's office queue, for its service.
 *
 * Windows (office time zone, CHECKIN_EARLY_MINUTES / CHECKIN_LATE_MINUTES):
 * - earlier than `start − early`: refused, 422 `checkin_too_early` with the time to come back;
 * - from `start − early` to `start + late`: a ticket with priority `appointment` whose rank is the
 *   booked time (queue/policy.ts queueTime): an early citizen waits for the slot time, then goes
 *   ahead of the walk-ins who came after it;
 * - later than `start + late` (or already marked no-show): 422 `checkin_too_late`; with
 *   `walkIn: true` the citizen gets a normal walk-in ticket (priority none, ranked by arrival).
 * Another day: 422 `checkin_wrong_day`. Scanning twice returns the same ticket.
 *
 * Like a walk-in ticket: the number comes from the office's daily sequence, ticket, event and
 * appointment change are one transaction (a conditional update on the appointment's status, so two
 * kiosks cannot check the same appointment in twice), Redis follows after the commit.
 */
export async function checkIn(raw: CheckInInput, now = new Date(), issuer: Issuer = ANONYMOUS) {
  const input = checkInInput.parse(raw);
  // The appointment's own priority is earned by the booking; only the paper needs a kiosk.
  assertMayIssue(issuer, { kioskId: input.kioskId });
  const a = await resolveAppointment(input.code, now);
  const tz = a.office.timeZone;
  const { config, db } = rt();
  const time = localTime(a.startsAt, tz);
  if (a.status === 'cancelled') throw new AppError(409, 'appointment_cancelled', 'This appointment was cancelled');
  if (a.status === 'checked_in' && a.ticketId)
    return checkInAnswer(a.ticketId, a.id, input.kioskId, { already: true, late: a.ticket?.priority !== 'appointment' }, now);

  if (a.day !== localDay(now, tz)) {
    throw new AppError(422, 'checkin_wrong_day', `This appointment is on ${a.day} at ${time}`, { day: a.day, time });
  }
  const early = a.startsAt.getTime() - config.appointments.checkinEarlyMinutes * 60_000;
  const lateUntil = a.startsAt.getTime() + config.appointments.checkinLateMinutes * 60_000;
  if (now.getTime() < early) {
    const comeBackAt = new Date(early);
    const comeBackTime = localTime(comeBackAt, tz);
    throw new AppError(
      422,
      'checkin_too_early',
      `Too early: please come back at ${comeBackTime} (your appointment is at ${time})`,
      {
        comeBackAt: comeBackAt.toISOString(),
        comeBackTime,
        time,
      },
    );
  }
  const late = now.getTime() > lateUntil || a.status === 'no_show';
  if (late && !input.walkIn) {
    throw new AppError(
      422,
      'checkin_too_late',
      `Your appointment was at ${time}: it is too late to check in, but you can take a walk-in ticket`,
      { time, walkIn: true },
    );
  }

  const day = businessDay(now, tz);
  const ticket = await db.$transaction(async (tx) => {
    const priority = late ? 'none' : 'appointment';
    const t = await insertTicket(tx, {
      officeId: a.officeId,
      serviceId: a.serviceId,
      prefix: a.service.prefix,
      day,
      priority,
      lang: input.lang,
      queuedAt: late ? now : queueTime(now, a.startsAt),
      issuedAt: now,
      eventData: { priority, appointmentId: a.id, late },
    });
    const res = await tx.appointment.updateMany({
      where: { id: a.id, status: { in: late ? ['booked', 'no_show'] : ['booked'] }, ticketId: null },
      data: { status: 'checked_in', checkedInAt: now, ticketId: t.id },
    });
    if (res.count === 0) throw new AppError(409, 'changed_meanwhile', 'This appointment changed meanwhile: please try again');
    return t;
  });
  try {
    await ensureBuilt(ticket.officeId);
    await enqueue(ticket);
  } catch (err) {
    log.warn(
      { err, ticketId: ticket.id },
      `appointment ticket ${ticket.number} issued but not queued in Redis yet; the reconciler will add it`,
    );
  }
  publishOfficeChanged(ticket.officeId);
  void removeAppointmentJobs(a).catch((err: unknown) =>
    log.warn({ err, appointmentId: a.id }, 'appointment jobs not removed; they will find it checked in'),
  );
  return checkInAnswer(ticket.id, a.id, input.kioskId, { already: false, late }, now);
}

async function checkInAnswer(
  ticketId: string,
  appointmentId: string,
  kioskId: string | undefined,
  flags: { already: boolean; late: boolean },
  now: Date,
): Promise<CheckInAnswer> {
  const { baseUrl } = rt();
  const t = await publicTicket({ id: ticketId });
  if (!t) throw notFound('Ticket');
  // After the commit, never failing the check-in: the ticket stands even without paper.
  const print = kioskId && !flags.already ? await requestTicketPrint(t.id, kioskId) : null;
  const pub = await toPublic(t, now);
  const a = (await loadAppointment(appointmentId)) as AppointmentFull;
  return {
    ...flags,
    ticket: {
      id: t.id,
      code: t.code,
      number: t.number,
      status: t.status,
      priority: t.priority,
      position: pub.position ?? 0,
      estimatedWaitMinutes: pub.estimatedWaitMinutes ?? 0,
      estimatedWaitMinMinutes: pub.estimatedWaitMinMinutes ?? 0,
      estimatedWaitMaxMinutes: pub.estimatedWaitMaxMinutes ?? 0,
      statusUrl: `${baseUrl}/t/${t.code}`,
      service: { id: t.service.id, name: textOf(t.service.name), prefix: t.service.prefix },
      office: { id: t.office.id, name: textOf(t.office.name) },
      issuedAt: t.issuedAt.toISOString(),
      print: print && (print.status === 'queued' ? { status: print.status } : { status: print.status, reason: print.reason }),
    },
    appointment: toSummary(a),
  };
}
