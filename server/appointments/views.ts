import type { Prisma } from '../db/generated/client';
import type { AppointmentDisplayStatus, AppointmentSummary, AppointmentView } from '../../contract/appointments';
import type { TicketStatus } from '../../contract/enums';
import { localTime } from '../schedules/slots';
import { rt } from '../runtime';
import { formatBookingCode } from './codes';
import { notFound } from '../errors';
import { assertCurrentVersion, manageTokenFor, manageUrl, verifyManageToken } from './manage-token';
import { textOf } from '../db/texts';

export const appointmentInclude = {
  office: { select: { id: true, name: true, address: true, timeZone: true } },
  service: { select: { id: true, code: true, name: true, prefix: true } },
  ticket: { select: { id: true, code: true, number: true, status: true, priority: true } },
} satisfies Prisma.AppointmentInclude;

export type AppointmentFull = Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>;

export function displayStatus(a: {
  status: AppointmentFull['status'];
  ticket: { status: TicketStatus } | null;
}): AppointmentDisplayStatus {
  if (a.status === 'cancelled') return 'cancelled';
  if (a.status === 'pending' || a.status === 'expired' || a.status === 'booked') return a.status;
  if (a.status === 'no_show' && !a.ticket) return 'no_show';
  const s = a.ticket?.status;
  if (s === 'called' || s === 'serving') return 'serving';
  if (s === 'completed') return 'done';
  if (s === 'no_show') return 'no_show';
  if (s === 'cancelled') return 'cancelled';
  return 'checked_in';
}

/** Until when the citizen may cancel or move it online. */
export function changeDeadline(startsAt: Date): Date {
  return new Date(startsAt.getTime() - rt().config.appointments.changeDeadlineHours * 3600_000);
}

/** The appointment as its holder (manage link, booking answer) sees it. */
export function toView(a: AppointmentFull, now = new Date()): AppointmentView {
  const token = manageTokenFor(a);
  const deadline = changeDeadline(a.startsAt);
  return {
    id: a.id,
    code: formatBookingCode(a.code),
    status: a.status,
    displayStatus: displayStatus(a),
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    day: a.day,
    time: localTime(a.startsAt, a.office.timeZone),
    timeZone: a.office.timeZone,
    channel: a.channel,
    lang: a.lang,
    office: { id: a.office.id, name: textOf(a.office.name), address: a.office.address },
    service: { id: a.service.id, code: a.service.code, name: textOf(a.service.name) },
    name: a.name,
    email: a.email,
    phone: a.phone,
    canChange: a.status === 'booked' && now < deadline,
    changeDeadline: deadline.toISOString(),
    token,
    manageUrl: manageUrl(token),
    qrUrl: `/api/appointments/${token}/qr.svg`,
    icsUrl: `/api/appointments/${token}/calendar.ics`,
    ticket: a.ticket ? { code: a.ticket.code, number: a.ticket.number, status: a.ticket.status } : null,
  };
}

export async function loadAppointment(id: string): Promise<AppointmentFull | null> {
  return rt().db.appointment.findUnique({ where: { id }, include: appointmentInclude });
}

/** The appointment of a manage link: genuine, unexpired and not revoked (manage-token.ts), or 403/404. */
export async function loadByManageToken(token: string, now = new Date()): Promise<AppointmentFull> {
  const claims = verifyManageToken(token, now);
  const a = await loadAppointment(claims.appointmentId);
  if (!a) throw notFound('Appointment');
  assertCurrentVersion(claims, a);
  return a;
}

/** What a kiosk screen may show after a check-in: no personal data, no manage link. */
export function toSummary(a: AppointmentFull): AppointmentSummary {
  return {
    code: formatBookingCode(a.code),
    displayStatus: displayStatus(a),
    startsAt: a.startsAt.toISOString(),
    day: a.day,
    time: localTime(a.startsAt, a.office.timeZone),
    office: { id: a.office.id, name: textOf(a.office.name), address: a.office.address },
    service: { id: a.service.id, name: textOf(a.service.name) },
  };
}
