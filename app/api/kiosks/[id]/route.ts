import { ADMINS, idParam, staffRoute, SUPERVISORS } from '@/server/http/route';
import { deactivateKiosk, getKioskView, updateKiosk, updateKioskInput } from '@/server/printing/kiosks';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { params: idParam }, ({ params }) => getKioskView(params.id));

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateKioskInput }, ({ actor, params, body }) =>
  updateKiosk(actor, params.id, body),
);

export const DELETE = staffRoute(ADMINS, { params: idParam }, ({ actor, params }) => deactivateKiosk(actor, params.id));
