import type { TicketPublic } from '../contract/tickets';

/**
 * What the phone page shows when a view of its ticket arrives: the view, unless the page already
 * shows a later change. Views come from several places that race (the subscription's answer, the
 * change itself, the office feed's position pass, each process of the server), so one read before
 * a call can arrive after it.
 */
export function newestTicket(shown: TicketPublic | null, incoming: TicketPublic): TicketPublic {
  return shown !== null && shown.code === incoming.code && incoming.version < shown.version ? shown : incoming;
}
