import { tokenParam } from '@/contract/appointments';
import { cancelByToken } from '@/server/appointments/manage';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ params: tokenParam, rateLimit: 'appointments' }, ({ params }) => cancelByToken(params.token));
