import { listCounters } from '@/server/counters/operations';
import { officeQuery, staffRoute, STAFF } from '@/server/http/route';
import { resolveOffice } from '@/server/offices';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(STAFF, { query: officeQuery }, async ({ query }) =>
  listCounters((await resolveOffice(query.officeId)).id),
);
