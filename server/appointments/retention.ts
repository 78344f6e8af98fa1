import { rt } from '../runtime';

/**
 * Data minimisation: APPOINTMENT_RETENTION_DAYS after an appointment, the citizen's name, e-mail
 * and phone are erased. What statistics need stays: office, service, times, channel, status,
 * check-in and no-show times, and the link to the ticket.
 */
export async function erasePastPersonalData(now = new Date()): Promise<number> {
  const days = rt().config.appointments.retentionDays;
  const before = new Date(now.getTime() - days * 24 * 3600_000);
  const res = await rt().db.appointment.updateMany({
    where: { endsAt: { lt: before }, erasedAt: null },
    data: { name: null, email: null, phone: null, erasedAt: now },
  });
  return res.count;
}
