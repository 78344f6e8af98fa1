import { requestLoginCodeInput } from '@/contract/portal';
import { sendLoginCode } from '@/server/citizens/login-code';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ body: requestLoginCodeInput, rateLimit: 'portal-login' }, async ({ body }) => ({
  sent: true,
  ...(await sendLoginCode(body.email, body.lang ?? 'it')),
}));
