import { deskProcedureInput } from '@/contract/portal';
import { json, STAFF, staffRoute } from '@/server/http/route';
import { openAtDesk } from '@/server/procedures/desk';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { body: deskProcedureInput }, async ({ actor, body }) =>
  json(await openAtDesk(actor, body), 201),
);
