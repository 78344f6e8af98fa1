import { staffRoute, STAFF } from '@/server/http/route';
import { completeInput, completeTicket } from '@/server/tickets/actions';
import { ticketIdParam } from '@/server/tickets/params';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam, body: completeInput }, async ({ actor, params, body }) => ({
  ticket: await completeTicket(actor, params.id, body),
}));
