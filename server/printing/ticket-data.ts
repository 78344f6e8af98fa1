import { rt } from '../runtime';
import { ticketUrl } from '../tickets/qr';
import { publicTicketInclude, toPublic } from '../tickets/views';
import type { TicketPrintInput } from './ticket-layout';
import { pickName, printLang, type PrintLang } from './texts';

export interface KioskHints {
  locationHintIt: string;
  locationHintEn: string;
}

/**
 * Everything a ticket's paper shows, read fresh (people ahead and the estimate as of now).
 * `lang` overrides the ticket's own language (previews); the hint comes from the kiosk.
 */
export async function ticketPrintInput(
  where: { id: string } | { code: string },
  kiosk: KioskHints | null,
  lang?: PrintLang,
): Promise<TicketPrintInput | null> {
  const { db } = rt();
  const ticket = await db.ticket.findUnique({ where, include: publicTicketInclude });
  if (!ticket) return null;
  const [pub, office] = await Promise.all([
    toPublic(ticket),
    db.office.findUniqueOrThrow({ where: { id: ticket.officeId }, select: { name: true, nameEn: true, timeZone: true } }),
  ]);
  const l = lang ?? printLang(ticket.lang);
  return {
    lang: l,
    number: ticket.number,
    office,
    service: { nameIt: ticket.service.nameIt, nameEn: ticket.service.nameEn },
    issuedAt: ticket.issuedAt,
    position: pub.position,
    estimatedWaitMinutes: pub.estimatedWaitMinutes,
    estimatedWaitRange:
      pub.estimatedWaitMinMinutes !== null && pub.estimatedWaitMaxMinutes !== null
        ? { low: pub.estimatedWaitMinMinutes, high: pub.estimatedWaitMaxMinutes }
        : null,
    url: ticketUrl(ticket.code),
    counter: pub.counter,
    locationHint: kiosk ? pickName(l, kiosk.locationHintIt, kiosk.locationHintEn) : '',
  };
}
