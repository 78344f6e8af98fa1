import { patronDayBody } from '@/contract/schedules';
import { ADMINS, staffRoute } from '@/server/http/route';
import { setPatronDay } from '@/server/schedules/schedules';

export const dynamic = 'force-dynamic';

export const PUT = staffRoute(ADMINS, { body: patronDayBody }, async ({ actor, body }) => ({
  patronDay: await setPatronDay(actor, body.officeId, body.patronDay),
}));
