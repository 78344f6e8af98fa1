import { listServices, servicesQuery } from '@/server/catalog';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ query: servicesQuery }, ({ query }) => listServices(query));
