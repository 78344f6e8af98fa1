import { procedureCompleteInput } from '@/contract/portal';
import { idParam, STAFF, staffRoute } from '@/server/http/route';
import { completeProcedure } from '@/server/procedures/actions';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: idParam, body: procedureCompleteInput }, ({ params, body, actor }) =>
  completeProcedure(params.id, actor, body),
);
