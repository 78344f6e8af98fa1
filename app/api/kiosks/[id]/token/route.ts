import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { rotateKioskToken } from '@/server/printing/kiosks';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(ADMINS, { params: idParam }, ({ actor, params }) => rotateKioskToken(actor, params.id));
