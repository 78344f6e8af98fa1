import { staffRoute, STAFF } from '@/server/http/route';
import { transferInput, transferTicket } from '@/server/tickets/actions';
import { ticketIdParam } from '@/server/tickets/params';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam, body: transferInput }, async ({ actor, params, body }) => ({
  ticket: await transferTicket(actor, params.id, body),
}));
