import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { removeClosure } from '@/server/schedules/schedules';

export const dynamic = 'force-dynamic';

export const DELETE = staffRoute(ADMINS, { params: idParam }, async ({ actor, params }) => {
  await removeClosure(actor, params.id);
});
