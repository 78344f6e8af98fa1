import { rt } from '../runtime';

/**
 * An appointment nobody checked in for by the end of the late window (start + CHECKIN_LATE_MINUTES)
 * becomes a no-show. Conditional updates, so a job that runs late, twice, or after a check-in or a
 * cancellation changes nothing. The slot is in the past: there is nothing to free.
 */
function overdueBefore(now: Date): Date {
  return new Date(now.getTime() - rt().config.appointments.checkinLateMinutes * 60_000);
}

export async function markNoShow(appointmentId: string, now = new Date()): Promise<boolean> {
  const res = await rt().db.appointment.updateMany({
    where: { id: appointmentId, status: 'booked', startsAt: { lte: overdueBefore(now) } },
    data: { status: 'no_show', noShowAt: now },
  });
  return res.count > 0;
}

/** Every overdue appointment at once (the periodic sweep: covers delayed jobs Redis lost). */
export async function markOverdueNoShows(now = new Date()): Promise<number> {
  const res = await rt().db.appointment.updateMany({
    where: { status: 'booked', startsAt: { lte: overdueBefore(now) } },
    data: { status: 'no_show', noShowAt: now },
  });
  return res.count;
}
