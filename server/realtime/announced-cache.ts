import { processShared, rt } from '../runtime';

/**
 * Rows read on every request that rarely change (a clerk's login, a kiosk screen's credential),
 * kept per process for a short while so that each click or ticket does not ask PostgreSQL again
 * (issue 10). A change made on any process is announced to the others on the socket.io adapter's
 * Redis channel, and each process forgets what the change touched. So the caches are trusted only
 * while this process hears those announcements: when that connection drops or comes back,
 * everything is forgotten, and nothing is kept while it is down. Without socket.io (a script, a
 * test in process) nothing is ever kept.
 */
export interface AnnouncedCache<V, C> {
  /** The value kept for `key`, if it was read less than the cache's maximum age ago and the channel is up. */
  get(key: string, nowMs: number): V | undefined;
  /** Take before reading from the database; hand to remember(): a read overtaken by a change is not kept. */
  generation(): number;
  remember(key: string, value: V, generation: number, nowMs: number): void;
  forget(keys: readonly string[]): void;
  forgetWhere(test: (value: V) => boolean): void;
  /** After the commit of a change: forgotten here, and announced to the other processes, which forget it too. */
  announce(change: C): void;
}

/** What a change makes a cache forget (the same on every process). */
export type ApplyChange<V, C> = (cache: Pick<AnnouncedCache<V, C>, 'forget' | 'forgetWhere'>, change: C) => void;

/** The socket.io adapter's inter-process event that carries every cache's changes (socket/io.ts). */
export const CACHE_CHANGED = 'cacheChanged';

interface Entry<V> {
  value: V;
  cachedAt: number;
}

interface Store {
  entries: Map<string, Entry<unknown>>;
  /** Moves on every change: a read that started before one is not kept (it may be stale). */
  generation: number;
  /** Applies a change announced by any process. */
  apply: (change: unknown) => void;
}

/** Past this many entries, expired ones are swept when a new one is kept (keys never read again). */
const SWEEP_ABOVE = 10_000;

const registry = processShared('announcedCaches', () => ({
  stores: new Map<string, Store>(),
  listening: (): boolean => false,
}));

function forgetEverything(): void {
  for (const store of registry.stores.values()) {
    store.generation++;
    store.entries.clear();
  }
}

/**
 * A cache named `name` (one per process, whatever the module instances), kept at most `maxAgeMs`;
 * `applyChange` says what a change announced by any process makes it forget.
 */
export function announcedCache<V, C>(name: string, maxAgeMs: number, applyChange: ApplyChange<V, C>): AnnouncedCache<V, C> {
  let store = registry.stores.get(name);
  if (!store) registry.stores.set(name, (store = { entries: new Map(), generation: 0, apply: () => undefined }));
  const s = store;
  const fresh = (e: Entry<unknown>, nowMs: number) => nowMs >= e.cachedAt && nowMs - e.cachedAt <= maxAgeMs;
  const cache: AnnouncedCache<V, C> = {
    get(key, nowMs) {
      if (!registry.listening()) return undefined;
      const hit = s.entries.get(key);
      if (!hit) return undefined;
      if (!fresh(hit, nowMs)) {
        s.entries.delete(key);
        return undefined;
      }
      return hit.value as V;
    },
    generation: () => s.generation,
    remember(key, value, generation, nowMs) {
      if (!registry.listening() || generation !== s.generation) return;
      if (s.entries.size >= SWEEP_ABOVE) for (const [k, e] of s.entries) if (!fresh(e, nowMs)) s.entries.delete(k);
      s.entries.set(key, { value, cachedAt: nowMs });
    },
    forget(keys) {
      s.generation++;
      for (const key of keys) s.entries.delete(key);
    },
    forgetWhere(test) {
      s.generation++;
      for (const [key, e] of s.entries) if (test(e.value as V)) s.entries.delete(key);
    },
    announce(change) {
      s.apply(change);
      rt().io?.serverSideEmit(CACHE_CHANGED, name, change);
    },
  };
  s.apply = (change) => applyChange(cache, change as C);
  return cache;
}

/** Applies another process's announcement to this one (socket/io.ts listens for CACHE_CHANGED). */
export function cacheChangedElsewhere(name: string, change: unknown): void {
  registry.stores.get(name)?.apply(change);
}

/** The subscriber connection that carries the announcements; the caches work while it is ready. */
export interface AnnouncementChannel {
  readonly status: string;
  on(event: 'close' | 'ready', listener: () => void): unknown;
}

/** Called once by the server when socket.io's adapter is attached (socket/io.ts). */
export function trustAnnouncedCachesWhile(channel: AnnouncementChannel): void {
  forgetEverything();
  registry.listening = () => channel.status === 'ready';
  // Announcements published while the connection was down are lost: whatever was kept may be stale.
  channel.on('close', forgetEverything);
  channel.on('ready', forgetEverything);
}

/** Back to no caching (tests, and a server that stops). */
export function stopAnnouncedCaches(): void {
  forgetEverything();
  registry.listening = () => false;
}
