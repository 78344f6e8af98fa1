import { adminDisplaysQuery, createDisplayInput } from '@/contract/admin/displays';
import { adminCreateDisplay, adminListDisplays } from '@/server/displays/admin';
import { ADMINS, json, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, { query: adminDisplaysQuery }, ({ query }) => adminListDisplays(query.officeId));

export const POST = staffRoute(ADMINS, { body: createDisplayInput }, async ({ actor, body }) =>
  json(await adminCreateDisplay(actor, body), 201),
);
