import { updateStaffInput } from '@/contract/admin/staff';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminUpdateStaff } from '@/server/staff/admin';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateStaffInput }, ({ actor, params, body }) =>
  adminUpdateStaff(actor, params.id, body),
);
