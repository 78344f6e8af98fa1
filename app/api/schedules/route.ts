import { scheduleInput, schedulesQuery } from '@/contract/schedules';
import { ADMINS, staffRoute, SUPERVISORS } from '@/server/http/route';
import { listSchedules, upsertSchedule } from '@/server/schedules/schedules';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { query: schedulesQuery }, ({ query }) => listSchedules(query.officeId));

export const PUT = staffRoute(ADMINS, { body: scheduleInput }, ({ actor, body }) => upsertSchedule(actor, body));
