import { procedureStatsQuery } from '@/contract/procedure-stats';
import { staffRoute, SUPERVISORS } from '@/server/http/route';
import { procedureStatsCsv } from '@/server/stats/csv';
import { procedureStats } from '@/server/stats/procedures';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { query: procedureStatsQuery }, async ({ query }) => {
  const result = await procedureStats(query);
  return new Response(procedureStatsCsv(result, query.lang), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="sportello-procedures-${result.from}_${result.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
