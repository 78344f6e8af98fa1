/**
 * Who calls a portal route that both citizens and staff use: a staff login (cookie
 * `sportello_session`) wins over a citizen's (`sportello_citizen`); neither is 401.
 */
import type { Actor } from '../auth/actor';
import { actorFromToken, cookieValue, SESSION_COOKIE } from '../auth/session';
import { citizenFromRequest, type CitizenSessionInfo } from '../citizens/session';
import { unauthorized } from '../errors';

export type PortalCaller = { staff: Actor } | { citizen: CitizenSessionInfo };

export async function portalCaller(req: Request): Promise<PortalCaller> {
  const staff = await actorFromToken(cookieValue(req.headers.get('cookie'), SESSION_COOKIE));
  if (staff) return { staff };
  const citizen = await citizenFromRequest(req);
  if (citizen) return { citizen };
  throw unauthorized();
}
