import { checkIn, checkInInput } from '@/server/appointments/check-in';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: checkInInput, rateLimit: 'check-in' }, async ({ body }) => {
  const res = await checkIn(body);
  return json(res, res.already ? 200 : 201);
});
