import { rt } from '../runtime';
import { rooms } from './rooms';

/**
 * Ends the live staff screens of a login that is no longer valid (logout), or of every login of
 * an account (deactivated, role changed, password reset). Subscriptions check the session only
 * when made, so without this an open screen would keep receiving the office's updates. The
 * sockets are disconnected on every app process (Redis adapter); the browser reconnects
 * (ui/socket.ts), subscribes again and is refused, which sends it to the login.
 */
export function endLiveSessions(target: { sessionKey: string } | { staffId: string }): void {
  const io = rt().io;
  if (!io) return;
  const room = 'sessionKey' in target ? rooms.login(target.sessionKey) : rooms.account(target.staffId);
  io.in(room).disconnectSockets(true);
}
