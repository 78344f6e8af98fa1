import { ADMINS, json, staffRoute, SUPERVISORS } from '@/server/http/route';
import { createKiosk, createKioskInput, kioskQuery, listKiosks } from '@/server/printing/kiosks';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { query: kioskQuery }, ({ query }) => listKiosks(query.officeId));

export const POST = staffRoute(ADMINS, { body: createKioskInput }, async ({ actor, body }) =>
  json(await createKiosk(actor, body), 201),
);
