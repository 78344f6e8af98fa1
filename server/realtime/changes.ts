import { processShared } from '../runtime';

/**
 * A change counter per office, bumped by every publishOfficeChanged (publish.ts): what a cached
 * office figure was computed from can be compared with what has happened since, without the
 * publishers knowing who caches what.
 */
const versions = processShared('officeVersions', () => new Map<string, number>());

export function markOfficeChanged(officeId: string): void {
  versions.set(officeId, (versions.get(officeId) ?? 0) + 1);
}

export function officeVersion(officeId: string): number {
  return versions.get(officeId) ?? 0;
}

/**
 * A figure of an office shared by everybody who asks for it while nothing changed there: the
 * first asker computes it, the others (a waiting room of displays reconnecting after a restart)
 * get the same answer. Recomputed after a change in the office (publishOfficeChanged) or when
 * older than `maxAgeMs` (a change made by another process, the clock moving on) on the caller's
 * clock (`nowMs`: the simulator's runs hours in seconds).
 */
export function perOfficeChange<T>(name: string, maxAgeMs: number) {
  const cache = processShared(name, () => new Map<string, { version: number; at: number; value: Promise<T> }>());
  return (officeId: string, key: string, compute: () => Promise<T>, nowMs = Date.now()): Promise<T> => {
    const version = officeVersion(officeId);
    const now = nowMs;
    const hit = cache.get(key);
    if (hit && hit.version === version && now >= hit.at && now - hit.at <= maxAgeMs) return hit.value;
    const value = compute();
    const entry = { version, at: now, value };
    cache.set(key, entry);
    value.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return value;
  };
}
