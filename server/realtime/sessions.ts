import { rt } from '../runtime';
import { rooms } from './rooms';

/**
 * Ends the live staff screens of logins that are no longer valid (logout; an account deactivated,
 * its role changed or its password reset — which delete its sessions). Subscriptions check the
 * session only when made, so without this an open screen would keep receiving the office's
 * updates. The sockets are disconnected on every app process (Redis adapter); the browser
 * reconnects (ui/socket.ts), subscribes again and is refused, which sends it to the login.
 * Call it after the sessions are deleted (committed).
 */
export function endLiveSessions(sessionKeys: string[]): void {
  const io = rt().io;
  if (!io || sessionKeys.length === 0) return;
  io.in(sessionKeys.map(rooms.login)).disconnectSockets(true);
}
