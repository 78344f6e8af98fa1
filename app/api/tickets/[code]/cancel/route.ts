import { publicCodeParam } from '@/contract/tickets';
import { route } from '@/server/http/route';
import { cancelByCode } from '@/server/tickets/cancel';

export const dynamic = 'force-dynamic';

export const POST = route({ params: publicCodeParam, rateLimit: 'cancel' }, ({ params }) => cancelByCode(params.code));
