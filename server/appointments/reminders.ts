import { rt } from '../runtime';
import { sendAppointmentMail } from './notify';
import { appointmentInclude } from './views';

/**
 * Sends one reminder (the job `reminder-<id>-<start>-<hours>h`). Sent only if the appointment is
 * still booked at the same time, and only once: the hour mark is added to `remindersSent` with a
 * conditional update before the mail goes, so a retried or duplicated job never mails twice.
 */
export async function sendReminder(appointmentId: string, hours: number, startsAt: Date): Promise<boolean> {
  const { db } = rt();
  const mark = `${hours}h`;
  const claimed = await db.$executeRaw`
    UPDATE "Appointment" SET "remindersSent" = array_append("remindersSent", ${mark})
    WHERE id = ${appointmentId} AND status = 'booked' AND "startsAt" = ${startsAt} AND email IS NOT NULL
      AND NOT (${mark} = ANY("remindersSent"))`;
  if (claimed === 0) return false;
  const a = await db.appointment.findUniqueOrThrow({ where: { id: appointmentId }, include: appointmentInclude });
  try {
    await sendAppointmentMail('reminder', a);
  } catch (err) {
    // Give the mark back so the job's retry can send it.
    await db.$executeRaw`UPDATE "Appointment" SET "remindersSent" = array_remove("remindersSent", ${mark}) WHERE id = ${appointmentId}`;
    throw err;
  }
  return true;
}
