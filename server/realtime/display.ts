import { resolveOffice } from '../offices';
import { ensureBuilt } from '../queue/engine';
import { queueInfos } from '../queue/estimates';
import { recentCalls } from './calls';
import type { DisplaySnapshot } from './contract';

/** Everything a waiting-room display needs after a (re)connect. */
export async function displaySnapshot(officeId?: string): Promise<DisplaySnapshot> {
  const office = await resolveOffice(officeId);
  await ensureBuilt(office.id);
  const [calls, queues] = await Promise.all([recentCalls(office.id), queueInfos(office.id)]);
  return {
    office: { id: office.id, name: office.name, nameEn: office.nameEn },
    calls,
    queues,
    serverTime: new Date().toISOString(),
  };
}
