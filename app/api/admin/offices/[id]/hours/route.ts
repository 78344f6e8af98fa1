import { officeHoursInput } from '@/contract/admin/offices';
import { adminSetOfficeHours } from '@/server/offices/admin';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const PUT = staffRoute(ADMINS, { params: idParam, body: officeHoursInput }, ({ actor, params, body }) =>
  adminSetOfficeHours(actor, params.id, body),
);
