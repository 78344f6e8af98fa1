import type { Role } from '../db/generated/enums';
import { processShared, rt } from '../runtime';

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
export const SESSION_CACHE_MAX_AGE_MS = 30_000;

interface Cached {
  row: SessionRow;
  cachedAt: number;
}

/**
 * Logins read recently, so that a clerk's every click does not ask PostgreSQL who they are
 * (issue 10: two of a visit's ten statements). Trusted only while this process hears the other
 * processes' invalidations (realtime/sessions.ts announces every deleted login and every changed
 * staff member on the socket.io adapter's Redis channel): when that connection drops or comes
 * back, everything is forgotten, and nothing is kept while it is down. Without socket.io (a
 * script, a test in process) nothing is ever kept.
 */
const cache = processShared('sessionCache', () => ({
  entries: new Map<string, Cached>(),
  /** Moves on every invalidation: a read that started before one is not kept (it may be stale). */
  generation: 0,
  listening: (): boolean => false,
}));

export function sessionCacheGeneration(): number {
  return cache.generation;
}

/** The cached login of `key`, if one was read less than SESSION_CACHE_MAX_AGE_MS ago and the channel is up. */
export function cachedSession(key: string, nowMs: number): SessionRow | undefined {
  if (!cache.listening()) return undefined;
  const hit = cache.entries.get(key);
  if (!hit) return undefined;
  if (nowMs < hit.cachedAt || nowMs - hit.cachedAt > SESSION_CACHE_MAX_AGE_MS) {
    cache.entries.delete(key);
    return undefined;
  }
  return hit.row;
}

/** Keeps a login read at `generation` (sessionCacheGeneration() before the read), unless an invalidation came meanwhile. */
export function rememberSession(key: string, row: SessionRow, generation: number, nowMs: number): void {
  if (!cache.listening() || generation !== cache.generation) return;
  cache.entries.set(key, { row, cachedAt: nowMs });
}

/** Logins that ended (logout, purge, an account's sessions deleted). */
export function forgetSessions(keys: readonly string[]): void {
  cache.generation++;
  for (const key of keys) cache.entries.delete(key);
}

/** Every cached login of these staff members (a name or a password-change flag changed). */
export function forgetStaff(staffIds: readonly string[]): void {
  cache.generation++;
  const ids = new Set(staffIds);
  for (const [key, { row }] of cache.entries) if (ids.has(row.id)) cache.entries.delete(key);
}

function forgetAll(): void {
  cache.generation++;
  cache.entries.clear();
}

/** The subscriber connection that carries the invalidations; the cache works while it is ready. */
export interface InvalidationChannel {
  readonly status: string;
  on(event: 'close' | 'ready', listener: () => void): unknown;
}

/** Called once by the server when socket.io's adapter is attached (socket/io.ts). */
export function trustSessionCacheWhile(channel: InvalidationChannel): void {
  forgetAll();
  cache.listening = () => channel.status === 'ready';
  // Messages published while the connection was down are lost: whatever was cached may be stale.
  channel.on('close', forgetAll);
  channel.on('ready', forgetAll);
}

/** Back to no caching (tests, and a server that stops). */
export function stopSessionCache(): void {
  forgetAll();
  cache.listening = () => false;
}

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

/** Forgets here, and tells the other processes to forget too. */
export function announceLoginsChanged(change: LoginsChanged): void {
  loginsChangedElsewhere(change);
  rt().io?.serverSideEmit(LOGINS_CHANGED, change);
}
