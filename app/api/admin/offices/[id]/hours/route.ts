import { officeHoursInput, setOfficeHours } from '@/server/admin/office-hours';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const PUT = staffRoute(ADMINS, { params: idParam, body: officeHoursInput }, ({ actor, params, body }) =>
  setOfficeHours(actor, params.id, body),
);
