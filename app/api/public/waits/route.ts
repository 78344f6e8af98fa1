import { publicWaitsQuery } from '@/contract/waits';
import { corsPreflight, withOpenCors } from '@/server/http/cors';
import { json, route } from '@/server/http/route';
import { rt } from '@/server/runtime';
import { publicWaits } from '@/server/waits/public';

export const dynamic = 'force-dynamic';

/** Open data: live waits per office and service, and the best time to come (CC BY 4.0). */
export const GET = withOpenCors(
  route({ query: publicWaitsQuery }, async ({ query }) => {
    const seconds = rt().config.publicWaitsRefreshSeconds;
    return json(await publicWaits(new Date(), query.officeId), 200, {
      'cache-control': `public, max-age=${seconds}, stale-while-revalidate=${seconds}`,
    });
  }),
);

export const OPTIONS = async () => corsPreflight();
