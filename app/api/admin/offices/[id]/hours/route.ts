import { adminSetOfficeHours } from '@/server/offices/admin';
import { officeHoursInput } from '@/server/offices/inputs';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const PUT = staffRoute(ADMINS, { params: idParam, body: officeHoursInput }, ({ actor, params, body }) =>
  adminSetOfficeHours(actor, params.id, body),
);
