import { assertPersonalDataAccess } from '@/server/auth/office-access';
import { officeQuery, staffRoute, SUPERVISORS } from '@/server/http/route';
import { resolveOffice } from '@/server/offices';
import { supervisorSnapshot } from '@/server/supervisor/snapshot';

export const dynamic = 'force-dynamic';

/** The live view's snapshot over HTTP (the socket's `supervisor:subscribe` acknowledges the same). */
export const GET = staffRoute(SUPERVISORS, { query: officeQuery }, async ({ actor, query }) => {
  const office = await resolveOffice(query.officeId);
  await assertPersonalDataAccess(actor, office.id);
  return supervisorSnapshot(office.id);
});
