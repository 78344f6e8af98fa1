'use client';
import { useCallback, useState } from 'react';
import { api } from '../../contract/api';
import type { Me } from '../../contract/auth';
import { ApiError, call } from '../http';
import { getSocket } from '../socket';
import { useLoad } from '../useLoad';
import type { Notice } from './notice';

/** Where a staff screen's session is: the screen shows its own views only when `in`. */
export type SessionState =
  | { kind: 'loading' }
  | { kind: 'login' }
  /** Logged in with a password an admin chose: changing it is all this login may do. */
  | { kind: 'password'; me: Me }
  | { kind: 'in'; me: Me };

export interface StaffSession {
  state: SessionState;
  /** Who is logged in (also while the password must change), or null. */
  me: Me | null;
  /** The screen's message line; the session's own messages use the keys messages.* and errors.network. */
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
  /** After the login form succeeded. */
  loggedIn: () => Promise<void>;
  logout: () => Promise<void>;
  /** An API call answered 401: back to the login form, saying why. */
  expired: () => void;
  /** The own-password dialog of the top bar. */
  changingPassword: boolean;
  setChangingPassword: (open: boolean) => void;
  /** After the password form succeeded (in the dialog or the forced view). */
  passwordChanged: () => Promise<void>;
}

/** Re-opens the shared socket so its handshake carries the current session cookie. */
function reconnectSocket() {
  const s = getSocket();
  s.disconnect();
  s.connect();
}

/**
 * The session of a staff screen (counter, admin): who is logged in, login, logout, an expired
 * session, and the own-password change, forced or chosen. SessionViews renders what it needs.
 */
export function useStaffSession(): StaffSession {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [changingPassword, setChangingPassword] = useState(false);

  const load = useCallback(async () => {
    try {
      const me = await call(api.me);
      if (!me?.staff) setState({ kind: 'login' });
      else setState(me.mustChangePassword ? { kind: 'password', me } : { kind: 'in', me });
    } catch (err) {
      setState({ kind: 'login' });
      if (!(err instanceof ApiError && (err.status === 401 || err.status === 403)))
        setNotice({ kind: 'error', key: 'errors.network' });
    }
  }, []);

  useLoad(load);

  const loggedIn = useCallback(async () => {
    setNotice(null);
    reconnectSocket();
    await load();
  }, [load]);

  const logout = useCallback(async () => {
    try {
      await call(api.logout);
    } catch {
      // the session is dropped locally anyway
    }
    getSocket().disconnect();
    setState({ kind: 'login' });
    setNotice({ kind: 'info', key: 'messages.loggedOut' });
  }, []);

  const expired = useCallback(() => {
    setState({ kind: 'login' });
    setNotice({ kind: 'error', key: 'messages.sessionExpired' });
  }, []);

  const passwordChanged = useCallback(async () => {
    setChangingPassword(false);
    setNotice({ kind: 'success', key: 'messages.passwordChanged' });
    // The socket handshake was refused while the password had to change.
    reconnectSocket();
    await load();
  }, [load]);

  const me = state.kind === 'in' || state.kind === 'password' ? state.me : null;
  return {
    state,
    me,
    notice,
    setNotice,
    loggedIn,
    logout,
    expired,
    changingPassword,
    setChangingPassword,
    passwordChanged,
  };
}
