import { completeInput, ticketIdParam } from '@/contract/tickets';
import { staffRoute, STAFF } from '@/server/http/route';
import { completeTicket } from '@/server/tickets/actions';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam, body: completeInput }, async ({ actor, params, body }) => ({
  ticket: await completeTicket(actor, params.id, body),
}));
