import { publicWaitsQuery } from '@/contract/waits';
import { corsPreflight, withOpenCors } from '@/server/http/cors';
import { json, route } from '@/server/http/route';
import { publicWaits, REFRESH_SECONDS } from '@/server/waits/public';

export const dynamic = 'force-dynamic';

/** Open data: live waits per office and service, and the best time to come (CC BY 4.0). */
export const GET = withOpenCors(
  route({ query: publicWaitsQuery }, async ({ query }) =>
    json(await publicWaits(new Date(), query.officeId), 200, {
      'cache-control': `public, max-age=${REFRESH_SECONDS}, stale-while-revalidate=${REFRESH_SECONDS}`,
    }),
  ),
);

export const OPTIONS = async () => corsPreflight();
