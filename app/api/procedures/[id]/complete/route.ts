import { procedureActionInput } from '@/contract/portal';
import { idParam, STAFF, staffRoute } from '@/server/http/route';
import { staffAction } from '@/server/procedures/actions';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: idParam, body: procedureActionInput }, ({ params, body, actor }) =>
  staffAction(params.id, 'completed', actor, body),
);
