import { createCounterInput } from '@/contract/admin/counters';
import { ADMINS, json, officeQuery, staffRoute } from '@/server/http/route';
import { adminCreateCounter, adminListCounters } from '@/server/counters/admin';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, { query: officeQuery }, ({ query }) => adminListCounters(query.officeId));

export const POST = staffRoute(ADMINS, { body: createCounterInput }, async ({ actor, body }) =>
  json(await adminCreateCounter(actor, body), 201),
);
