import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionCache, type SessionRow } from '../../server/auth/session-cache';
import {
  announcedCache,
  cacheChangedElsewhere,
  stopAnnouncedCaches,
  trustAnnouncedCachesWhile,
} from '../../server/realtime/announced-cache';

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

const MAX_AGE = 30_000;
const T = 1_000_000;
/** A change names the ids whose entries go. */
const cache = announcedCache<{ id: string }, string[]>('test-things', MAX_AGE, (c, ids) =>
  c.forgetWhere((v) => ids.includes(v.id)),
);

function remember(key: string, id = 'anna', at = T) {
  cache.remember(key, { id }, cache.generation(), at);
}

afterEach(() => stopAnnouncedCaches());

describe('announced cache', () => {
  it('keeps nothing without an announcement channel (a script, a test in process)', () => {
    remember('k1');
    expect(cache.get('k1', T)).toBeUndefined();
  });

  it('serves a value read recently, and reads it again after the maximum age', () => {
    trustAnnouncedCachesWhile(new Channel());
    remember('k1');
    expect(cache.get('k1', T + MAX_AGE)?.id).toBe('anna');
    expect(cache.get('k1', T + MAX_AGE + 1)).toBeUndefined();
    // A clock that went back is not trusted either.
    remember('k2');
    expect(cache.get('k2', T - 1)).toBeUndefined();
  });

  it('forgets by key and by value', () => {
    trustAnnouncedCachesWhile(new Channel());
    remember('a1', 'anna');
    remember('a2', 'anna');
    remember('b1', 'bruno');
    cache.forget(['b1']);
    expect(cache.get('b1', T)).toBeUndefined();
    expect(cache.get('a1', T)?.id).toBe('anna');
    cache.forgetWhere((v) => v.id === 'anna');
    expect([cache.get('a1', T), cache.get('a2', T)]).toEqual([undefined, undefined]);
  });

  it("applies a change another process announced (announce itself needs the server: multi-process.test.ts); another cache's name changes nothing", () => {
    trustAnnouncedCachesWhile(new Channel());
    remember('a1', 'anna');
    remember('b1', 'bruno');
    remember('c1', 'carla');
    cacheChangedElsewhere('test-things', ['anna', 'bruno']);
    cacheChangedElsewhere('no-such-cache', ['carla']);
    expect(['a1', 'b1', 'c1'].map((k) => cache.get(k, T)?.id)).toEqual([undefined, undefined, 'carla']);
  });

  it('does not keep a read that a change overtook (it may be the row just deleted)', () => {
    trustAnnouncedCachesWhile(new Channel());
    const before = cache.generation();
    cache.forget(['k1']); // arrives while the database read is on its way
    cache.remember('k1', { id: 'anna' }, before, T);
    expect(cache.get('k1', T)).toBeUndefined();
  });

  it('forgets everything when the channel drops, keeps nothing while it is down, and starts afresh when it is back', () => {
    const channel = new Channel();
    trustAnnouncedCachesWhile(channel);
    remember('k1');
    channel.drop();
    expect(cache.get('k1', T)).toBeUndefined();
    remember('k2');
    expect(cache.get('k2', T)).toBeUndefined();
    channel.back();
    expect(cache.get('k1', T)).toBeUndefined();
    remember('k3');
    expect(cache.get('k3', T)?.id).toBe('anna');
  });

  it('sweeps expired entries once it holds many (keys never read again)', () => {
    trustAnnouncedCachesWhile(new Channel());
    for (let i = 0; i < 10_000; i++) remember(`old${i}`, 'anna', T);
    remember('new', 'bruno', T + MAX_AGE + 1);
    remember('newer', 'bruno', T + MAX_AGE + 2);
    // The old ones are gone from memory, not only refused: a fresh read at T would find them otherwise.
    expect(cache.get('old1', T)).toBeUndefined();
    expect(cache.get('newer', T + MAX_AGE + 2)?.id).toBe('bruno');
  });
});

const login = (staffId: string): SessionRow => ({
  expiresAt: new Date(Date.UTC(2026, 0, 1, 20)),
  lastSeenAt: new Date(Date.UTC(2026, 0, 1, 8)),
  id: staffId,
  username: staffId,
  displayName: staffId,
  role: 'operator',
  active: true,
  mustChangePassword: false,
});

describe('session cache', () => {
  it("forgets ended logins and every login of a changed staff member on another process's word", () => {
    trustAnnouncedCachesWhile(new Channel());
    for (const [key, staff] of [
      ['a1', 'anna'],
      ['a2', 'anna'],
      ['b1', 'bruno'],
      ['c1', 'carla'],
    ])
      sessionCache.remember(key, login(staff), sessionCache.generation(), T);
    cacheChangedElsewhere('sessions', { keys: ['b1'], staffIds: ['anna'] });
    expect(['a1', 'a2', 'b1', 'c1'].map((k) => sessionCache.get(k, T)?.id)).toEqual([undefined, undefined, undefined, 'carla']);
  });
});
