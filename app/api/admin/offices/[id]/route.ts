import { updateOfficeInput } from '@/contract/admin/offices';
import { adminUpdateOffice } from '@/server/offices/admin';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateOfficeInput }, ({ actor, params, body }) =>
  adminUpdateOffice(actor, params.id, body),
);
