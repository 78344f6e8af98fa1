import { ADMINS, idParam, json, staffRoute } from '@/server/http/route';
import { createPairingCode, unpairKiosk } from '@/server/printing/kiosk-pairing';

export const dynamic = 'force-dynamic';

/** A one-time code (and link) that pairs the kiosk PC's browser with this kiosk. */
export const POST = staffRoute(ADMINS, { params: idParam }, async ({ actor, params }) =>
  json(await createPairingCode(actor, params.id), 201),
);

/** Forgets the paired screen: it becomes a plain web client. */
export const DELETE = staffRoute(ADMINS, { params: idParam }, ({ actor, params }) => unpairKiosk(actor, params.id));
