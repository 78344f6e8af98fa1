import { procedureStatsQuery } from '@/contract/procedure-stats';
import { staffRoute, SUPERVISORS } from '@/server/http/route';
import { procedureStats } from '@/server/stats/procedures';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { query: procedureStatsQuery }, ({ query }) => procedureStats(query));
