import { checkInInput } from '@/contract/appointments';
import { checkIn } from '@/server/appointments/check-in';
import { renewedKioskCookie } from '@/server/http/kiosk-credential';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: checkInInput, rateLimit: 'check-in', kiosk: true }, async ({ body, kiosk, actor, req }) => {
  const res = await checkIn(body, new Date(), { kiosk, actor });
  const cookie = kiosk ? renewedKioskCookie(req) : undefined;
  return json(res, res.already ? 200 : 201, cookie ? { 'set-cookie': cookie } : undefined);
});
