/**
 * A signed-in citizen's appointments, listed in the portal. Bookings carry an e-mail address, not
 * a citizen: those made with the citizen's own address (which they proved by signing in) are
 * theirs, shown as the manage link shows them. Holds never confirmed are not bookings.
 */
import type { AppointmentView } from '../../contract/appointments';
import { rt } from '../runtime';
import { appointmentInclude, toView } from '../appointments/views';
import type { CitizenSessionInfo } from './session';

/** How far back past appointments are still listed. */
const PAST_DAYS = 30;
const MAX = 50;

export async function citizenAppointments(who: CitizenSessionInfo, now = new Date()): Promise<AppointmentView[]> {
  const email = who.citizen.email;
  if (!email) return [];
  const rows = await rt().db.appointment.findMany({
    where: {
      email: { equals: email, mode: 'insensitive' },
      status: { notIn: ['pending', 'expired'] },
      endsAt: { gte: new Date(now.getTime() - PAST_DAYS * 86_400_000) },
    },
    include: appointmentInclude,
    orderBy: { startsAt: 'asc' },
    take: MAX,
  });
  return rows.map((a) => toView(a, now));
}
