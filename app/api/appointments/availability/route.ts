import { availabilityQuery } from '@/contract/appointments';
import { availabilityFor } from '@/server/appointments/availability';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ query: availabilityQuery }, ({ query }) => availabilityFor(query));
