import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';
import { rt } from '../runtime';

/**
 * The manage link's token: `<appointment id>.<expiry, unix seconds in base 36>.<signature>`, the
 * signature being the first 128 bits (hex) of HMAC-SHA256 over the id and expiry with the
 * installation's session secret. Nothing is stored: changing one character, or the secret, makes
 * it invalid; after the expiry it is refused. Only lower-case letters, digits and dots, so a
 * barcode scanner typing it on any keyboard layout and a URL carry it unchanged.
 */
const SIG_HEX = 32;
export const MANAGE_TOKEN_PATTERN = /^([a-z0-9]{1,64})\.([a-z0-9]{1,12})\.([0-9a-f]{32})$/;
/** Finds a token inside whatever a scanner typed (a whole manage URL, say). */
export const MANAGE_TOKEN_SEARCH = /([a-z0-9]{1,64})\.([a-z0-9]{1,12})\.([0-9a-f]{32})(?![0-9a-f])/;

/** How long after the appointment's end its link still opens (to see what happened). */
export const TOKEN_VALID_AFTER_END_MS = 7 * 24 * 3600_000;

function signature(id: string, exp: string, secret: string): string {
  return createHmac('sha256', secret).update(`appointment:${id}:${exp}`).digest('hex').slice(0, SIG_HEX);
}

export function signManageToken(appointmentId: string, expiresAt: Date, secret = rt().sessionSecret): string {
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${appointmentId}.${exp}.${signature(appointmentId, exp, secret)}`;
}

export function manageTokenFor(a: { id: string; endsAt: Date }): string {
  return signManageToken(a.id, new Date(a.endsAt.getTime() + TOKEN_VALID_AFTER_END_MS));
}

export function manageUrl(token: string): string {
  return `${rt().baseUrl}/book/manage/${token}`;
}

/** The appointment id of a valid token; a tampered or expired one is refused with 403. */
export function verifyManageToken(token: string, now = new Date(), secret = rt().sessionSecret): string {
  const m = MANAGE_TOKEN_PATTERN.exec(token);
  if (!m) throw new AppError(403, 'token_invalid', 'This link is not valid');
  const [, id, exp, sig] = m;
  const want = Buffer.from(signature(id, exp, secret), 'hex');
  const got = Buffer.from(sig, 'hex');
  if (got.length !== want.length || !timingSafeEqual(got, want))
    throw new AppError(403, 'token_invalid', 'This link is not valid');
  if (parseInt(exp, 36) * 1000 < now.getTime()) throw new AppError(403, 'token_expired', 'This link has expired');
  return id;
}
