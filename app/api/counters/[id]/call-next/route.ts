import { idParam, staffRoute, STAFF } from '@/server/http/route';
import { callNext } from '@/server/counters/calls';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: idParam }, async ({ actor, params }) => {
  const ticket = await callNext(actor, params.id);
  return ticket ? { ticket } : undefined;
});
