import { route } from '@/server/http/route';
import { onlineServices } from '@/server/procedures/queries';

export const dynamic = 'force-dynamic';

export const GET = route({}, () => onlineServices());
