import { updateKioskInput } from '@/contract/kiosks';
import { ADMINS, idParam, staffRoute, SUPERVISORS } from '@/server/http/route';
import { adminDeactivateKiosk, adminGetKiosk, adminUpdateKiosk } from '@/server/printing/admin';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { params: idParam }, ({ params }) => adminGetKiosk(params.id));

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateKioskInput }, ({ actor, params, body }) =>
  adminUpdateKiosk(actor, params.id, body),
);

export const DELETE = staffRoute(ADMINS, { params: idParam }, ({ actor, params }) => adminDeactivateKiosk(actor, params.id));
