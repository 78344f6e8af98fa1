import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminUpdateService, updateServiceInput } from '@/server/admin/config';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateServiceInput }, ({ actor, params, body }) =>
  adminUpdateService(actor, params.id, body),
);
