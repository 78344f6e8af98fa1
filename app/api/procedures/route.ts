import { staffProceduresQuery, submitProcedureInput } from '@/contract/portal';
import { requireCitizen } from '@/server/citizens/session';
import { portalCaller } from '@/server/http/portal-caller';
import { json, route } from '@/server/http/route';
import { citizenProcedures, staffProcedures } from '@/server/procedures/queries';
import { submitProcedure } from '@/server/procedures/submit';
import { citizenProcedureView } from '@/server/procedures/views';

export const dynamic = 'force-dynamic';

export const GET = route({ query: staffProceduresQuery }, async ({ req, query }) => {
  const caller = await portalCaller(req);
  return 'staff' in caller ? staffProcedures(caller.staff, query) : citizenProcedures(caller.citizen);
});

export const POST = route({ body: submitProcedureInput, rateLimit: 'procedures' }, async ({ req, body }) =>
  json(citizenProcedureView(await submitProcedure(await requireCitizen(req), body)), 201),
);
