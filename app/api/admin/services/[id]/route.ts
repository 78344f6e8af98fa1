import { updateServiceInput } from '@/contract/admin/catalog';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminUpdateService } from '@/server/services/admin';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateServiceInput }, ({ actor, params, body }) =>
  adminUpdateService(actor, params.id, body),
);
