import { rescheduleInput, tokenParam } from '@/contract/appointments';
import { rescheduleByToken } from '@/server/appointments/manage';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ params: tokenParam, body: rescheduleInput, rateLimit: 'appointments' }, ({ params, body }) =>
  rescheduleByToken(params.token, body),
);
