import type { Role } from '../db/generated/enums';
import { announcedCache } from '../realtime/announced-cache';

/** A login as read from the database: its times and its staff member. */
export interface SessionRow {
  expiresAt: Date;
  lastSeenAt: Date;
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
}

/** Read again from the database after this long in any case (a login deleted by hand in SQL). */
const SESSION_CACHE_MAX_AGE_MS = 30_000;

/** What the app processes tell each other about logins. */
export interface LoginsChanged {
  /** Logins deleted. */
  keys: string[];
  /** Staff members whose logins now read differently (a name, the password-change flag). */
  staffIds: string[];
}

/**
 * Logins read recently, so that a clerk's every click does not ask PostgreSQL who they are
 * (issue 10: two of a visit's ten statements). Every deleted login and every changed staff member
 * is announced to the other processes (realtime/announced-cache.ts says when the cache is trusted).
 */
export const sessionCache = announcedCache<SessionRow, LoginsChanged>(
  'sessions',
  SESSION_CACHE_MAX_AGE_MS,
  (cache, { keys, staffIds }) => {
    if (keys.length) cache.forget(keys);
    if (staffIds.length) {
      const ids = new Set(staffIds);
      cache.forgetWhere((row) => ids.has(row.id));
    }
  },
);
