import { counterServicesInput } from '@/contract/counters';
import { changeCounterServices } from '@/server/counters/services';
import { idParam, staffRoute, SUPERVISORS } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(SUPERVISORS, { params: idParam, body: counterServicesInput }, ({ actor, params, body }) =>
  changeCounterServices(actor, params.id, body.serviceIds),
);
