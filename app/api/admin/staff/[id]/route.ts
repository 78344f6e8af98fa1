import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminUpdateStaff, updateStaffInput } from '@/server/admin/config';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateStaffInput }, ({ actor, params, body }) =>
  adminUpdateStaff(actor, params.id, body),
);
