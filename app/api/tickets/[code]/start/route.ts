import { ticketIdParam } from '@/contract/tickets';
import { staffRoute, STAFF } from '@/server/http/route';
import { startTicket } from '@/server/tickets/actions';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam }, async ({ actor, params }) => ({
  ticket: await startTicket(actor, params.id),
}));
