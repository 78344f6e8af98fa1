import { pairInput } from '@/contract/kiosks';
import { kioskCookie } from '@/server/http/kiosk-credential';
import { json, route } from '@/server/http/route';
import { pairKiosk } from '@/server/printing/kiosk-pairing';
import { kioskView } from '@/server/printing/kiosks';

export const dynamic = 'force-dynamic';

/** The kiosk PC's browser spends a pairing code and keeps the kiosk credential as a cookie. */
export const POST = route({ body: pairInput, rateLimit: 'kiosk-pair' }, async ({ body }) => {
  const { kiosk, token } = await pairKiosk(body.code);
  const view = kioskView(kiosk, false);
  return json({ kiosk: { id: view.id, name: view.name, officeId: view.officeId }, kioskUrl: view.kioskUrl }, 200, {
    'set-cookie': kioskCookie(token),
  });
});
