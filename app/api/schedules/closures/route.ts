import { closureInput } from '@/contract/schedules';
import { ADMINS, json, staffRoute } from '@/server/http/route';
import { addClosure } from '@/server/schedules/schedules';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(ADMINS, { body: closureInput }, async ({ actor, body }) =>
  json(await addClosure(actor, body), 201),
);
