import { verifyLoginCodeInput } from '@/contract/portal';
import { verifyLoginCode } from '@/server/citizens/login-code';
import { citizenView } from '@/server/citizens/session';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: verifyLoginCodeInput, rateLimit: 'citizen-login' }, async ({ body }) => {
  const { citizen, cookie } = await verifyLoginCode(body.email, body.code, body.lang ?? 'it');
  return json(citizenView(citizen, 'email'), 200, { 'set-cookie': cookie });
});
