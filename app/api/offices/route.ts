import { route } from '@/server/http/route';
import { listOffices } from '@/server/offices';

export const dynamic = 'force-dynamic';

export const GET = route({}, () => listOffices());
