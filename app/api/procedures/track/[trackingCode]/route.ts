import { trackingCodeParam } from '@/contract/portal';
import { route } from '@/server/http/route';
import { trackProcedure } from '@/server/procedures/queries';

export const dynamic = 'force-dynamic';

export const GET = route({ params: trackingCodeParam, rateLimit: 'track' }, ({ params }) => trackProcedure(params.trackingCode));
