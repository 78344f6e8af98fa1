import { clearedCitizenCookie, endCitizenSession } from '@/server/citizens/session';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({}, async ({ req }) => {
  await endCitizenSession(req);
  return new Response(null, { status: 204, headers: { 'set-cookie': clearedCitizenCookie() } });
});
