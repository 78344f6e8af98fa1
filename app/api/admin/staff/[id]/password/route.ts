import { passwordInput } from '@/contract/admin/staff';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminResetPassword } from '@/server/staff/admin';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(ADMINS, { params: idParam, body: passwordInput }, ({ actor, params, body }) =>
  adminResetPassword(actor, params.id, body.password),
);
