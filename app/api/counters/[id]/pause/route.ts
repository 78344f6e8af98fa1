import { pauseCounter } from '@/server/counters/operations';
import { idParam, staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(STAFF, { params: idParam }, ({ actor, params }) => pauseCounter(actor, params.id));
