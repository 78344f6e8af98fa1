import { portalCaller } from '@/server/http/portal-caller';
import { idParam, route } from '@/server/http/route';
import { procedureForCitizen, procedureForStaff } from '@/server/procedures/queries';

export const dynamic = 'force-dynamic';

export const GET = route({ params: idParam }, async ({ req, params }) => {
  const caller = await portalCaller(req);
  return 'staff' in caller ? procedureForStaff(caller.staff, params.id) : procedureForCitizen(caller.citizen, params.id);
});
