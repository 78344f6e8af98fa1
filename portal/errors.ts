/** The portal's error messages: server codes with their own text under citizenPortal.errors. */
import { ApiError } from '../ui/http';

const known = new Set([
  'network',
  'code_invalid',
  'too_many_attempts',
  'too_many_codes',
  'mail_unavailable',
  'rate_limited',
  'unauthorized',
  'illegal_transition',
  'service_unavailable_online',
  'stronger_identity_needed',
  'not_found',
  'invalid_input',
  'oidc_unavailable',
  'oidc_denied',
  'oidc_failed',
  'oidc_fiscal_code',
]);

export interface PortalError {
  key: string;
  values?: Record<string, number>;
}

/** The message for `/portale?signinError=…`, where the SPID/CIE sign-in sends the citizen back after a failure. */
export function signInFailure(code: string | null): PortalError | null {
  if (!code) return null;
  return { key: known.has(code) && code !== 'code_invalid' ? `errors.${code}` : 'errors.oidc_failed' };
}

/** The message (key under citizenPortal.*, and its values) for any thrown value. */
export function portalError(e: unknown): PortalError {
  if (e instanceof ApiError) {
    if (e.code === 'code_invalid') {
      const left = (e.details as { attemptsLeft?: unknown } | undefined)?.attemptsLeft;
      return { key: 'errors.code_invalid', values: { attemptsLeft: typeof left === 'number' ? left : 0 } };
    }
    if (known.has(e.code)) return { key: `errors.${e.code}` };
    if (e.status === 429) return { key: 'errors.rate_limited' };
    if (e.status === 400 || e.status === 422) return { key: 'errors.invalid_input' };
    if (e.status === 404) return { key: 'errors.not_found' };
  }
  return { key: 'errors.generic' };
}
