import { transferInput, ticketIdParam } from '@/contract/tickets';
import { staffRoute, STAFF } from '@/server/http/route';
import { transferTicket } from '@/server/tickets/actions';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam, body: transferInput }, async ({ actor, params, body }) => ({
  ticket: await transferTicket(actor, params.id, body),
}));
