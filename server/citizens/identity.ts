/**
 * Which sign-ins the portal offers, and what the town's OpenID provider says about a citizen.
 * `strong` services (SPID/CIE through the town's OpenID Connect gateway) are offered only when a
 * provider is configured (OIDC_ISSUER_URL), and accepted only from a session signed in through it.
 */
import { isValidFiscalCode, normalizeFiscalCode } from '../../contract/fiscal-code';
import { rt } from '../runtime';

export function oidcConfigured(): boolean {
  return rt().config.oidc !== null;
}

/** SPID gateways send the fiscal code as the SPID `fiscalNumber` attribute: `TINIT-<code>` (ISO country, "TIN"). */
const TIN_PREFIX = /^TINIT-/i;

/** The fiscal code in the provider's claims (`claim` names it), normalised and checked; null when absent or invalid. */
export function fiscalCodeFromClaims(claims: Record<string, unknown>, claim: string): string | null {
  const raw = claims[claim];
  if (typeof raw !== 'string') return null;
  const code = normalizeFiscalCode(raw.trim().replace(TIN_PREFIX, ''));
  return isValidFiscalCode(code) ? code : null;
}

const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);

/** The name: `name`, or `given_name family_name`. */
export function nameFromClaims(claims: Record<string, unknown>): string | null {
  return str(claims.name, 200) ?? str([str(claims.given_name, 100), str(claims.family_name, 100)].filter(Boolean).join(' '), 200);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The e-mail address, lower case, unless the provider says it is not verified
 * (`email_verified: false`): SPID and CIE gateways often send no `email_verified`, and the
 * identity providers check the address when the identity is issued.
 */
export function emailFromClaims(claims: Record<string, unknown>): string | null {
  const email = str(claims.email, 254)?.toLowerCase();
  if (!email || !EMAIL.test(email) || claims.email_verified === false || claims.email_verified === 'false') return null;
  return email;
}
