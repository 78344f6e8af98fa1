import { forgetSessions, forgetStaff } from '../auth/session-cache';
import { rt } from '../runtime';
import { rooms } from './rooms';

/** What the app processes tell each other about logins, on the socket.io adapter's Redis channel. */
export interface LoginsChanged {
  /** Logins deleted. */
  keys: string[];
  /** Staff members whose logins now read differently (a name, the password-change flag). */
  staffIds: string[];
}

export const LOGINS_CHANGED = 'loginsChanged';

/** Applies another process's announcement to this one (socket/io.ts listens for it). */
export function loginsChangedElsewhere({ keys, staffIds }: LoginsChanged): void {
  if (keys.length) forgetSessions(keys);
  if (staffIds.length) forgetStaff(staffIds);
}

function announce(change: LoginsChanged): void {
  loginsChangedElsewhere(change);
  rt().io?.serverSideEmit(LOGINS_CHANGED, change);
}

/**
 * Ends the live staff screens of logins that are no longer valid (logout; an account deactivated,
 * its role changed or its password reset — which delete its sessions), and every process's cached
 * copy of them (auth/session-cache.ts). Subscriptions check the session only when made, so
 * without this an open screen would keep receiving the office's updates. The sockets are
 * disconnected on every app process (Redis adapter); the browser reconnects (ui/socket.ts),
 * subscribes again and is refused, which sends it to the login. Call it after the sessions are
 * deleted (committed).
 */
export function endLiveSessions(sessionKeys: string[]): void {
  if (sessionKeys.length === 0) return;
  announce({ keys: sessionKeys, staffIds: [] });
  rt().io?.in(sessionKeys.map(rooms.login)).disconnectSockets(true);
}

/** A staff member changed in what their logins carry (name, password to change): every process reads them again. */
export function staffLoginsChanged(staffId: string): void {
  announce({ keys: [], staffIds: [staffId] });
}
