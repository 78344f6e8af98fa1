import { updateDisplayInput } from '@/contract/admin/displays';
import { adminDeleteDisplay, adminUpdateDisplay } from '@/server/displays/admin';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateDisplayInput }, ({ actor, params, body }) =>
  adminUpdateDisplay(actor, params.id, body),
);

export const DELETE = staffRoute(ADMINS, { params: idParam }, ({ actor, params }) => adminDeleteDisplay(actor, params.id));
