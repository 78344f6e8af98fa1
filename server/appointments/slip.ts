import { notFound } from '../errors';
import type { AppointmentSlipInput } from '../printing/slip-layout';
import { formatBookingCode } from './codes';
import { manageTokenFor, manageUrl } from './manage-token';
import { loadAppointment } from './views';

/**
 * The appointment as the printed slip needs it (server/printing/slip-layout.ts): booking code,
 * office, service, time, and the manage link for the QR code. The printing engine prints it.
 */
export async function appointmentSlipInput(appointmentId: string, lang?: 'it' | 'en'): Promise<AppointmentSlipInput> {
  const a = await loadAppointment(appointmentId);
  if (!a) throw notFound('Appointment');
  return {
    lang: lang ?? (a.lang === 'en' ? 'en' : 'it'),
    bookingCode: formatBookingCode(a.code),
    office: { name: a.office.name, nameEn: a.office.nameEn, address: a.office.address, timeZone: a.office.timeZone },
    service: { nameIt: a.service.nameIt, nameEn: a.service.nameEn },
    startsAt: a.startsAt,
    url: manageUrl(manageTokenFor(a)),
    whatToBring: null,
  };
}
