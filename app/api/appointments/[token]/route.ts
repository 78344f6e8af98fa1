import { tokenParam } from '@/contract/appointments';
import { appointmentByToken } from '@/server/appointments/manage';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ params: tokenParam }, ({ params }) => appointmentByToken(params.token));
