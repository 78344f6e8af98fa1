import { updateCounterInput } from '@/contract/admin/counters';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminDeleteCounter, adminUpdateCounter } from '@/server/counters/admin';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateCounterInput }, ({ actor, params, body }) =>
  adminUpdateCounter(actor, params.id, body),
);

export const DELETE = staffRoute(ADMINS, { params: idParam }, ({ actor, params }) => adminDeleteCounter(actor, params.id));
