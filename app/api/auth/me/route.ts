import { me } from '@/server/auth/me';
import { staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(STAFF, {}, ({ actor }) => me(actor));
