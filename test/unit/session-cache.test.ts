import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cachedSession,
  forgetSessions,
  forgetStaff,
  rememberSession,
  SESSION_CACHE_MAX_AGE_MS,
  sessionCacheGeneration,
  stopSessionCache,
  trustSessionCacheWhile,
  type SessionRow,
} from '../../server/auth/session-cache';

/** A stand-in for the adapter's subscriber connection: a status and its events. */
class Channel extends EventEmitter {
  status = 'ready';
  drop() {
    this.status = 'reconnecting';
    this.emit('close');
  }
  back() {
    this.status = 'ready';
    this.emit('ready');
  }
}

const row = (staffId: string): SessionRow => ({
  expiresAt: new Date(Date.UTC(2026, 0, 1, 20)),
  lastSeenAt: new Date(Date.UTC(2026, 0, 1, 8)),
  id: staffId,
  username: staffId,
  displayName: staffId,
  role: 'operator',
  active: true,
  mustChangePassword: false,
});

const T = 1_000_000;

function remember(key: string, staffId = 'anna', at = T) {
  rememberSession(key, row(staffId), sessionCacheGeneration(), at);
}

afterEach(() => stopSessionCache());

describe('session cache', () => {
  it('keeps nothing without an invalidation channel (a script, a test in process)', () => {
    remember('k1');
    expect(cachedSession('k1', T)).toBeUndefined();
  });

  it('serves a login read recently, and reads it again after the maximum age', () => {
    trustSessionCacheWhile(new Channel());
    remember('k1');
    expect(cachedSession('k1', T + SESSION_CACHE_MAX_AGE_MS)?.id).toBe('anna');
    expect(cachedSession('k1', T + SESSION_CACHE_MAX_AGE_MS + 1)).toBeUndefined();
    // A clock that went back is not trusted either.
    remember('k2');
    expect(cachedSession('k2', T - 1)).toBeUndefined();
  });

  it('forgets ended logins and every login of a changed staff member', () => {
    trustSessionCacheWhile(new Channel());
    remember('a1', 'anna');
    remember('a2', 'anna');
    remember('b1', 'bruno');
    forgetSessions(['b1']);
    expect(cachedSession('b1', T)).toBeUndefined();
    expect(cachedSession('a1', T)?.id).toBe('anna');
    forgetStaff(['anna']);
    expect([cachedSession('a1', T), cachedSession('a2', T)]).toEqual([undefined, undefined]);
  });

  it('does not keep a read that an invalidation overtook (it may be the login just deleted)', () => {
    trustSessionCacheWhile(new Channel());
    const before = sessionCacheGeneration();
    forgetSessions(['k1']); // arrives while the database read is on its way
    rememberSession('k1', row('anna'), before, T);
    expect(cachedSession('k1', T)).toBeUndefined();
  });

  it('forgets everything when the channel drops, keeps nothing while it is down, and starts afresh when it is back', () => {
    const channel = new Channel();
    trustSessionCacheWhile(channel);
    remember('k1');
    channel.drop();
    expect(cachedSession('k1', T)).toBeUndefined();
    remember('k2');
    expect(cachedSession('k2', T)).toBeUndefined();
    channel.back();
    expect(cachedSession('k1', T)).toBeUndefined();
    remember('k3');
    expect(cachedSession('k3', T)?.id).toBe('anna');
  });
});
