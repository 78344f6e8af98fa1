import { officeQuery, route } from '@/server/http/route';
import { resolveOffice } from '@/server/offices';
import { ensureBuilt } from '@/server/queue/engine';
import { queueInfos } from '@/server/estimates/queue-infos';

export const dynamic = 'force-dynamic';

export const GET = route({ query: officeQuery }, async ({ query }) => {
  const office = await resolveOffice(query.officeId);
  await ensureBuilt(office.id);
  return queueInfos(office.id);
});
