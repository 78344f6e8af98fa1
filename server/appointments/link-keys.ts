/**
 * The keys that sign manage links. Each is derived with HKDF-SHA256 from a secret, with its own
 * purpose label, so a manage-link key is never the session key (nor any other purpose's).
 *
 * `MANAGE_LINK_KEYS="k2:<secret>,k1:<older secret>"`: the first signs new links, every one
 * verifies, and each link names its key id, so adding a new key in front keeps the links already
 * sent working until the old key is removed. Unset: one key, id `s`, derived from SESSION_SECRET
 * (to move away from it later, list `s:<the session secret>` after the new key). Pure: no runtime.
 */
import { hkdfSync } from 'node:crypto';

export interface LinkKey {
  id: string;
  key: Buffer;
}

export const LINK_KEY_ID = /^[a-z0-9]{1,8}$/;
export const DEFAULT_LINK_KEY_ID = 's';
const MIN_SECRET = 32;

export function deriveLinkKey(id: string, secret: string): LinkKey {
  return { id, key: Buffer.from(hkdfSync('sha256', secret, 'sportello', 'manage-link v1', 32)) };
}

/** Parses MANAGE_LINK_KEYS; throws a readable error on a malformed entry. */
export function parseLinkKeys(raw: string): { id: string; secret: string }[] {
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const at = e.indexOf(':');
      const id = at > 0 ? e.slice(0, at) : '';
      const secret = e.slice(at + 1);
      if (!LINK_KEY_ID.test(id) || secret.length < MIN_SECRET)
        throw new Error(
          `MANAGE_LINK_KEYS: each entry is <id>:<secret>, id of 1-8 lower-case letters or digits, secret of ${MIN_SECRET}+ characters`,
        );
      return { id, secret };
    });
  if (entries.length === 0) throw new Error('MANAGE_LINK_KEYS: no key');
  if (new Set(entries.map((e) => e.id)).size !== entries.length) throw new Error('MANAGE_LINK_KEYS: a key id appears twice');
  return entries;
}

/** Newest (signing) key first. */
export function linkKeys(raw: string | undefined, sessionSecret: string): LinkKey[] {
  if (!raw) return [deriveLinkKey(DEFAULT_LINK_KEY_ID, sessionSecret)];
  return parseLinkKeys(raw).map((e) => deriveLinkKey(e.id, e.secret));
}
