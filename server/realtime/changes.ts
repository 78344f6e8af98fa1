import { processShared } from '../runtime';

/**
 * Change counters per office, bumped by publishOfficeChanged and publishDisplayChanged
 * (publish.ts): what a cached office figure was computed from can be compared with what has
 * happened since, without the publishers knowing who caches what. `any` moves after every click
 * (a ticket issued, called, completed); `settings` only when an admin changes what the office is
 * (its services, hours, closures, displays, name): a figure read from settings alone (a service's
 * walk-in rules) must not be read again for every ticket of a busy morning.
 */
export type ChangeKind = 'any' | 'settings';

const versions = processShared('officeVersions', () => new Map<string, number>());
const settingsVersions = processShared('officeSettingsVersions', () => new Map<string, number>());

export function markOfficeChanged(officeId: string, kind: ChangeKind = 'any'): void {
  versions.set(officeId, (versions.get(officeId) ?? 0) + 1);
  if (kind === 'settings') settingsVersions.set(officeId, (settingsVersions.get(officeId) ?? 0) + 1);
}

export function officeVersion(officeId: string, kind: ChangeKind = 'any'): number {
  return (kind === 'settings' ? settingsVersions : versions).get(officeId) ?? 0;
}

/**
 * A figure of an office shared by everybody who asks for it while nothing changed there: the
 * first asker computes it, the others (a waiting room of displays reconnecting after a restart)
 * get the same answer. Recomputed after a change of `kind` in the office or when older than
 * `maxAgeMs` (a change made by another process, the clock moving on) on the caller's clock
 * (`nowMs`: the simulator runs hours in seconds).
 */
export function perOfficeChange<T>(name: string, maxAgeMs: number, kind: ChangeKind = 'any') {
  const cache = processShared(name, () => new Map<string, { version: number; at: number; value: Promise<T> }>());
  return (officeId: string, key: string, compute: () => Promise<T>, nowMs = Date.now()): Promise<T> => {
    const version = officeVersion(officeId, kind);
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
