import { json, route } from '@/server/http/route';
import { issueTicketInput, issueTicketView } from '@/server/tickets/issue';

export const dynamic = 'force-dynamic';

export const POST = route({ body: issueTicketInput, rateLimit: 'tickets' }, async ({ body }) =>
  json(await issueTicketView(body, body.lang), 201),
);
