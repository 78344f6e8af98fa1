import { servicesQuery } from '@/contract/catalog';
import { listServices } from '@/server/catalog';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ query: servicesQuery }, ({ query }) => listServices(query));
