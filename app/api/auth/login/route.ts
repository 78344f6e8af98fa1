import { sessionCookie } from '@/server/auth/cookie';
import { login, loginInput } from '@/server/auth/session';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: loginInput, rateLimit: 'login' }, async ({ body }) => {
  const { token, actor, expiresAt } = await login(body);
  return json({ staff: { id: actor.staffId, username: actor.username, displayName: actor.displayName, role: actor.role } }, 200, {
    'set-cookie': sessionCookie(token, expiresAt),
  });
});
