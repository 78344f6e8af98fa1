import { adminServicesQuery, createServiceInput } from '@/contract/admin/catalog';
import { ADMINS, json, staffRoute } from '@/server/http/route';
import { adminCreateService, adminListServices } from '@/server/services/admin';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, { query: adminServicesQuery }, ({ query }) => adminListServices(query));

export const POST = staffRoute(ADMINS, { body: createServiceInput }, async ({ actor, body }) =>
  json(await adminCreateService(actor, body), 201),
);
