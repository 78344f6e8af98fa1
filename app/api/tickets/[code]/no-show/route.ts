import { ticketIdParam } from '@/contract/tickets';
import { staffRoute, STAFF } from '@/server/http/route';
import { noShowTicket } from '@/server/tickets/actions';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam }, async ({ actor, params }) => ({
  ticket: await noShowTicket(actor, params.id),
}));
