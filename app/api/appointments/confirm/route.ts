import { confirmInput } from '@/contract/appointments';
import { confirmBooking } from '@/server/appointments/confirm';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

// The e-mailed link's page posts its secret here; a GET never confirms (mail scanners open links).
export const POST = route({ body: confirmInput, rateLimit: 'appointments' }, ({ body }) => confirmBooking(body.token));
