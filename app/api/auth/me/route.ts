import { me } from '@/server/auth/me';
import { cookieValue, requireSession, SESSION_COOKIE } from '@/server/auth/session';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

// Answers a login that must change its password too, so the screens can show the change form.
export const GET = route({}, async ({ req }) => me(await requireSession(cookieValue(req.headers.get('cookie'), SESSION_COOKIE))));
