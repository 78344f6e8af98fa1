import { qrSvg } from '../qr';
import { notFound } from '../errors';
import { rt } from '../runtime';

export function ticketUrl(code: string): string {
  return `${rt().baseUrl}/t/${code}`;
}

/** SVG QR code of the ticket's phone page. */
export async function ticketQrSvg(code: string): Promise<string> {
  const exists = await rt().db.ticket.count({ where: { code } });
  if (!exists) throw notFound('Ticket');
  return qrSvg(ticketUrl(code));
}
