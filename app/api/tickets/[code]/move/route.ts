import { moveTicketInput, ticketIdParam } from '@/contract/tickets';
import { staffRoute, SUPERVISORS } from '@/server/http/route';
import { moveTicket } from '@/server/tickets/move';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(
  SUPERVISORS,
  { params: ticketIdParam, body: moveTicketInput },
  async ({ actor, params, body }) => ({
    ticket: await moveTicket(actor, params.id, body),
  }),
);
