import { publicCodeParam } from '@/contract/tickets';
import { notFound } from '@/server/errors';
import { route } from '@/server/http/route';
import { publicTicketByCode } from '@/server/tickets/views';

export const dynamic = 'force-dynamic';

export const GET = route({ params: publicCodeParam }, async ({ params }) => {
  const t = await publicTicketByCode(params.code);
  if (!t) throw notFound('Ticket');
  return t;
});
