import { route } from '@/server/http/route';
import { cancelByCode } from '@/server/tickets/cancel';
import { publicCodeParam } from '@/server/tickets/params';

export const dynamic = 'force-dynamic';

export const POST = route({ params: publicCodeParam, rateLimit: 'cancel' }, ({ params }) => cancelByCode(params.code));
