import { bookInput } from '@/contract/appointments';
import { actorFromToken, cookieValue, SESSION_COOKIE } from '@/server/auth/session';
import { bookAppointment } from '@/server/appointments/book';
import { kioskFromCookieHeader } from '@/server/http/kiosk-credential';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: bookInput, rateLimit: 'appointments' }, async ({ body, req }) => {
  // Clerks book for the citizen at the counter with their session (channel `counter`); a
  // paired kiosk screen (its cookie, not an id anyone can read) books at once too; online bookings
  // wait for the e-mailed confirmation.
  const actor = body.channel === 'counter' ? await actorFromToken(cookieValue(req.headers.get('cookie'), SESSION_COOKIE)) : null;
  const kiosk = body.channel === 'kiosk' ? await kioskFromCookieHeader(req.headers.get('cookie')) : null;
  return json(await bookAppointment(body, { actor, kiosk }), 201);
});
