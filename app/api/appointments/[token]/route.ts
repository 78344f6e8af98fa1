import { appointmentByToken, tokenParam } from '@/server/appointments/manage';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ params: tokenParam }, ({ params }) => appointmentByToken(params.token));
