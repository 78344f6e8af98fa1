import { statsQuery } from '@/contract/stats';
import { staffRoute, SUPERVISORS } from '@/server/http/route';
import { officeStats } from '@/server/stats/query';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { query: statsQuery }, ({ query }) => officeStats(query));
