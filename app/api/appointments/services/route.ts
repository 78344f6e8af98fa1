import { bookableServices } from '@/server/appointments/services';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({}, () => bookableServices());
