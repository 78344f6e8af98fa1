import { listCategories } from '@/server/catalog';
import { officeQuery, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ query: officeQuery }, ({ query }) => listCategories(query.officeId));
