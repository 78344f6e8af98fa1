import { listColleagues } from '@/server/catalog';
import { officeQuery, staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(STAFF, { query: officeQuery }, ({ query }) => listColleagues(query.officeId));
