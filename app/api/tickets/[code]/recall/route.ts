import { staffRoute, STAFF } from '@/server/http/route';
import { recallTicket } from '@/server/counters/calls';
import { ticketIdParam } from '@/server/tickets/params';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: ticketIdParam }, async ({ actor, params }) => ({
  ticket: await recallTicket(actor, params.id),
}));
