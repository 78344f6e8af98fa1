import { qrSvg } from '../qr';
import { appointmentIcs } from './ics';
import { manageTokenFor, manageUrl } from './manage-token';
import { bookLang } from './texts';
import { loadByManageToken } from './views';

/**
 * The QR code of an appointment encodes its manage link: a phone opens the page, the kiosk's
 * scanner finds the token inside it and checks the appointment in.
 */
export async function appointmentQrSvg(token: string): Promise<string> {
  const a = await loadByManageToken(token);
  return qrSvg(manageUrl(manageTokenFor(a)));
}

export async function appointmentIcsByToken(token: string, lang?: string): Promise<{ filename: string; ics: string }> {
  const a = await loadByManageToken(token);
  return { filename: `appointment-${a.code}.ics`, ics: appointmentIcs(a, bookLang(lang ?? a.lang)) };
}
