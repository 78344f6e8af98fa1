import { toLanguage, type Lang } from '../../contract/lang';
import { notFound } from '../errors';
import type { AppointmentSlipInput } from '../printing/slip-layout';
import { formatBookingCode } from './codes';
import { manageTokenFor, manageUrl } from './manage-token';
import { loadAppointment } from './views';
import { textOf } from '../db/texts';

/**
 * The appointment as the printed slip needs it (server/printing/slip-layout.ts): booking code,
 * office, service, time, and the manage link for the QR code. The printing engine prints it.
 */
export async function appointmentSlipInput(appointmentId: string, lang?: Lang): Promise<AppointmentSlipInput> {
  const a = await loadAppointment(appointmentId);
  if (!a) throw notFound('Appointment');
  return {
    lang: lang ?? toLanguage(a.lang),
    bookingCode: formatBookingCode(a.code),
    office: { name: textOf(a.office.name), address: a.office.address, timeZone: a.office.timeZone },
    service: { name: textOf(a.service.name) },
    startsAt: a.startsAt,
    url: manageUrl(manageTokenFor(a)),
    whatToBring: null,
  };
}
