import { ticketIdParam } from '@/contract/tickets';
import { staffRoute, STAFF } from '@/server/http/route';
import { recallTicket } from '@/server/counters/calls';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam }, async ({ actor, params }) => ({
  ticket: await recallTicket(actor, params.id),
}));
