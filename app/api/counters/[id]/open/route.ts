import { openCounterInput } from '@/contract/counters';
import { openCounter } from '@/server/counters/operations';
import { idParam, staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: idParam, body: openCounterInput }, ({ actor, params, body }) =>
  openCounter(actor, params.id, body.serviceIds),
);
