import { clearedSessionCookie } from '@/server/auth/cookie';
import { cookieValue, logout, SESSION_COOKIE } from '@/server/auth/session';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({}, async ({ req }) => {
  await logout(cookieValue(req.headers.get('cookie'), SESSION_COOKIE));
  return new Response(null, { status: 204, headers: { 'set-cookie': clearedSessionCookie() } });
});
