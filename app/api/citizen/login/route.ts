import { requestLoginCodeInput } from '@/contract/portal';
import { sendLoginCode } from '@/server/citizens/login-code';
import { json, route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** 202: the code is on its way by e-mail (the answer never says whether the address is known). */
export const POST = route({ body: requestLoginCodeInput, rateLimit: 'citizen-login' }, async ({ body }) =>
  json({ sent: true, ...(await sendLoginCode(body.email, body.lang ?? 'it')) }, 202),
);
