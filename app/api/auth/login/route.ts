import { loginInput } from '@/contract/auth';
import { sessionCookie } from '@/server/auth/cookie';
import { login } from '@/server/auth/login';
import { LoginThrottled } from '@/server/auth/login-throttle';
import { CLIENT_IP_HEADER, errorResponse, json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: loginInput, rateLimit: 'login' }, async ({ body, req }) => {
  try {
    const { token, actor, expiresAt, mustChangePassword } = await login(body, {
      address: req.headers.get(CLIENT_IP_HEADER) ?? 'unknown',
    });
    return json(
      {
        staff: { id: actor.staffId, username: actor.username, displayName: actor.displayName, role: actor.role },
        // true: this login may only change the password (POST /api/auth/password) until it does.
        mustChangePassword,
      },
      200,
      { 'set-cookie': sessionCookie(token, expiresAt) },
    );
  } catch (err) {
    if (!(err instanceof LoginThrottled)) throw err;
    const res = errorResponse(err.status, err.code, err.message, err.details);
    res.headers.set('retry-after', String(err.retryAfterSeconds));
    return res;
  }
});
