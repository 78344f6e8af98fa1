import { todayQuery } from '@/contract/appointments';
import { todayAppointmentsFor } from '@/server/appointments/today';
import { staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Names and phones: only for staff who work in the office (server/auth/office-access.ts). */
export const GET = staffRoute(STAFF, { query: todayQuery }, ({ actor, query }) => todayAppointmentsFor(actor, query.officeId));
