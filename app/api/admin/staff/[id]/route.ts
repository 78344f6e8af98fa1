import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminUpdateStaff } from '@/server/staff/admin';
import { updateStaffInput } from '@/server/staff/inputs';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateStaffInput }, ({ actor, params, body }) =>
  adminUpdateStaff(actor, params.id, body),
);
