import { officeQuery, route } from '@/server/http/route';
import { displaySnapshot } from '@/server/realtime/display';

export const dynamic = 'force-dynamic';

export const GET = route({ query: officeQuery }, ({ query }) => displaySnapshot(query.officeId));
