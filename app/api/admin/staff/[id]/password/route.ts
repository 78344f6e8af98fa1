import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminResetPassword, passwordInput } from '@/server/admin/config';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(ADMINS, { params: idParam, body: passwordInput }, ({ actor, params, body }) =>
  adminResetPassword(actor, params.id, body.password),
);
