import { createHmac, timingSafeEqual } from 'node:crypto';
import { MANAGE_TOKEN_PARTS, MANAGE_TOKEN_PATTERN } from '../../contract/appointments';
import { AppError } from '../errors';
import { rt } from '../runtime';
import { DEFAULT_LINK_KEY_ID, deriveLinkKey, linkKeys, type LinkKey } from './link-keys';

/**
 * The manage link's token: `<appointment id>.<expiry>.<key id>.<version>.<signature>` — expiry
 * in unix seconds, base 36; the key that signed it (link-keys.ts: rotation without breaking links
 * already sent); the appointment's link version (bumped to revoke every link sent before, and at
 * each reschedule); the first 128 bits (hex) of HMAC-SHA256 over all of them with that key.
 * Nothing secret is stored. Only lower-case letters, digits and dots, so a barcode scanner typing
 * it on any keyboard layout and a URL carry it unchanged.
 */
const SIG_HEX = 32;
/** Finds a token inside whatever a scanner typed (a whole manage URL, say). */
export const MANAGE_TOKEN_SEARCH = new RegExp(`${MANAGE_TOKEN_PARTS}(?![0-9a-f])`);

/** How long after the appointment's end its link still opens (to see what happened). */
export const TOKEN_VALID_AFTER_END_MS = 7 * 24 * 3600_000;

// Derived once per configuration (HKDF is cheap, but every page and e-mail asks).
let cache: { raw: string | undefined; secret: string; keys: LinkKey[] } | null = null;

/** The installation's manage-link keys, the signing one first. */
export function manageLinkKeys(): LinkKey[] {
  const { config, sessionSecret } = rt();
  if (!cache || cache.raw !== config.manageLinkKeys || cache.secret !== sessionSecret)
    cache = { raw: config.manageLinkKeys, secret: sessionSecret, keys: linkKeys(config.manageLinkKeys, sessionSecret) };
  return cache.keys;
}

function signature(key: LinkKey, id: string, exp: string, version: string): string {
  return createHmac('sha256', key.key).update(`manage:${id}:${exp}:${key.id}:${version}`).digest('hex').slice(0, SIG_HEX);
}

/** A string key is a raw secret under the default key id (tests, tools). */
const asKey = (k: LinkKey | string): LinkKey => (typeof k === 'string' ? deriveLinkKey(DEFAULT_LINK_KEY_ID, k) : k);

export function signManageToken(
  appointmentId: string,
  expiresAt: Date,
  key: LinkKey | string = manageLinkKeys()[0],
  version = 0,
): string {
  const k = asKey(key);
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  const ver = version.toString(36);
  return `${appointmentId}.${exp}.${k.id}.${ver}.${signature(k, appointmentId, exp, ver)}`;
}

export function manageTokenFor(a: { id: string; endsAt: Date; manageTokenVersion: number }): string {
  return signManageToken(a.id, new Date(a.endsAt.getTime() + TOKEN_VALID_AFTER_END_MS), undefined, a.manageTokenVersion);
}

export function manageUrl(token: string): string {
  return `${rt().baseUrl}/book/manage/${token}`;
}

export interface ManageTokenClaims {
  appointmentId: string;
  /** The appointment's link version the token was made for: older than the current one = revoked. */
  version: number;
}

/**
 * The claims of a genuine, unexpired token; a tampered one, or one signed by a key no longer
 * configured, is refused with 403 `token_invalid`, an expired one with `token_expired`. Whether
 * it was revoked needs the appointment: see `assertCurrentVersion`.
 */
export function verifyManageToken(
  token: string,
  now = new Date(),
  keys: (LinkKey | string)[] = manageLinkKeys(),
): ManageTokenClaims {
  const m = MANAGE_TOKEN_PATTERN.exec(token);
  const invalid = new AppError(403, 'token_invalid', 'This link is not valid');
  if (!m) throw invalid;
  const [, id, exp, kid, ver, sig] = m;
  const key = keys.map(asKey).find((k) => k.id === kid);
  if (!key) throw invalid;
  const want = Buffer.from(signature(key, id, exp, ver), 'hex');
  const got = Buffer.from(sig, 'hex');
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw invalid;
  if (parseInt(exp, 36) * 1000 < now.getTime()) throw new AppError(403, 'token_expired', 'This link has expired');
  return { appointmentId: id, version: parseInt(ver, 36) };
}

/** A link made before the appointment's links were revoked (or before it was moved) no longer opens. */
export function assertCurrentVersion(claims: ManageTokenClaims, a: { manageTokenVersion: number }): void {
  if (claims.version !== a.manageTokenVersion)
    throw new AppError(403, 'token_revoked', 'This link is no longer valid: use the most recent e-mail about your appointment');
}
