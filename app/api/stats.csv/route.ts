import { statsQuery } from '@/contract/stats';
import { staffRoute, SUPERVISORS } from '@/server/http/route';
import { csvFileName, statsCsv } from '@/server/stats/csv';
import { officeStats } from '@/server/stats/query';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { query: statsQuery }, async ({ query }) => {
  const result = await officeStats(query);
  return new Response(statsCsv(result, query.lang), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFileName(result)}"`,
      'cache-control': 'no-store',
    },
  });
});
