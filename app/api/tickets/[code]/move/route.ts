import { staffRoute, SUPERVISORS } from '@/server/http/route';
import { moveTicket, moveTicketInput } from '@/server/tickets/move';
import { ticketIdParam } from '@/server/tickets/params';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(
  SUPERVISORS,
  { params: ticketIdParam, body: moveTicketInput },
  async ({ actor, params, body }) => ({
    ticket: await moveTicket(actor, params.id, body),
  }),
);
