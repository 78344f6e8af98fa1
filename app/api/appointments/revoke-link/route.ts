import { revokeLinksInput } from '@/contract/appointments';
import { revokeManageLinks } from '@/server/appointments/revoke-links';
import { staffRoute, STAFF } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** Staff of the appointment's office: every manage link sent so far stops working; a new one is e-mailed. */
export const POST = staffRoute(STAFF, { body: revokeLinksInput }, ({ actor, body }) => revokeManageLinks(actor, body.code));
