import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminRotateKioskToken } from '@/server/printing/admin';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(ADMINS, { params: idParam }, ({ actor, params }) => adminRotateKioskToken(actor, params.id));
