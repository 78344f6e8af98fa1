import { todayAppointments, todayQuery } from '@/server/appointments/today';
import { staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(STAFF, { query: todayQuery }, ({ query }) => todayAppointments(query.officeId));
