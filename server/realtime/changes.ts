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
