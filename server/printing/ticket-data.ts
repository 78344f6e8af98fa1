import type { Prisma } from '../db/generated/client';
import { textOf, textOrNull } from '../db/texts';
import { rt } from '../runtime';
import { ticketUrl } from '../tickets/qr';
import { publicTicket, toPublic } from '../tickets/views';
import type { TicketPrintInput } from './ticket-layout';
import { printLang, type PrintLang } from './texts';

/** The kiosk row the ticket is printed at (its location hint is printed too). */
export interface KioskHints {
  locationHint: Prisma.JsonValue;
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
  const ticket = await publicTicket(where);
  if (!ticket) return null;
  const [pub, office] = await Promise.all([
    toPublic(ticket),
    db.office.findUniqueOrThrow({ where: { id: ticket.officeId }, select: { name: true, timeZone: true } }),
  ]);
  const l = lang ?? printLang(ticket.lang);
  return {
    lang: l,
    number: ticket.number,
    office: { name: textOf(office.name), timeZone: office.timeZone },
    service: { name: textOf(ticket.service.name) },
    issuedAt: ticket.issuedAt,
    position: pub.position,
    estimatedWaitMinutes: pub.estimatedWaitMinutes,
    estimatedWaitRange:
      pub.estimatedWaitMinMinutes !== null && pub.estimatedWaitMaxMinutes !== null
        ? { low: pub.estimatedWaitMinMinutes, high: pub.estimatedWaitMaxMinutes }
        : null,
    url: ticketUrl(ticket.code),
    counter: pub.counter,
    locationHint: kiosk ? textOrNull(kiosk.locationHint) : null,
  };
}
