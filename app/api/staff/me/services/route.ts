import { servicesOfStaff } from '@/server/catalog';
import { staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(STAFF, {}, ({ actor }) => servicesOfStaff(actor.staffId));
