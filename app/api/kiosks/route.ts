import { createKioskInput, kioskQuery } from '@/contract/kiosks';
import { ADMINS, json, staffRoute, SUPERVISORS } from '@/server/http/route';
import { adminCreateKiosk, adminListKiosks } from '@/server/printing/admin';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { query: kioskQuery }, ({ query }) => adminListKiosks(query.officeId));

export const POST = staffRoute(ADMINS, { body: createKioskInput }, async ({ actor, body }) =>
  json(await adminCreateKiosk(actor, body), 201),
);
