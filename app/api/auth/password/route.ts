import { changePasswordInput } from '@/contract/auth';
import { changeOwnPassword } from '@/server/auth/change-password';
import { me } from '@/server/auth/me';
import { cookieValue, requireSession, SESSION_COOKIE } from '@/server/auth/session';
import { CLIENT_IP_HEADER, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

// Open to a login that must change its password (the only thing it may do); answers like /me.
export const POST = route({ body: changePasswordInput }, async ({ body, req }) => {
  const session = await requireSession(cookieValue(req.headers.get('cookie'), SESSION_COOKIE));
  await changeOwnPassword(session, body, { address: req.headers.get(CLIENT_IP_HEADER) ?? 'unknown' });
  return me({ ...session, mustChangePassword: false });
});
