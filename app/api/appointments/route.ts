import { bookInput } from '@/contract/appointments';
import { actorFromToken, cookieValue, SESSION_COOKIE } from '@/server/auth/session';
import { bookAppointment, isRegisteredKiosk } from '@/server/appointments/book';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: bookInput, rateLimit: 'appointments' }, async ({ body, req }) => {
  // Clerks book for the citizen at the counter with their session (channel `counter`); a
  // registered kiosk books at once too; online bookings wait for the e-mailed confirmation.
  const actor = body.channel === 'counter' ? await actorFromToken(cookieValue(req.headers.get('cookie'), SESSION_COOKIE)) : null;
  const registeredKiosk = body.channel === 'kiosk' && (await isRegisteredKiosk(body.kioskId));
  return json(await bookAppointment(body, { actor, registeredKiosk }), 201);
});
