/** Turns any thrown value into a translated message of a staff screen (counter, admin). */
import { ApiError } from './http';

export interface ErrorNotice {
  kind: 'error';
  key: string;
  values?: Record<string, string | number>;
}

/**
 * The `errorNotice` of a screen: `known` are the server codes with their own text under the
 * screen's `errors.*`; the rest fall back by status.
 */
export function errorNoticeFor(known: ReadonlySet<string>): (err: unknown) => ErrorNotice {
  return (err) => {
    if (err instanceof ApiError) {
      if (known.has(err.code)) return { kind: 'error', key: `errors.${err.code}` };
      if (err.status === 400 || err.status === 422) return { kind: 'error', key: 'errors.invalid_input' };
      if (err.status === 429) return { kind: 'error', key: 'errors.rate_limited' };
      return { kind: 'error', key: 'errors.generic', values: { code: err.code } };
    }
    return { kind: 'error', key: 'errors.generic', values: { code: 'client' } };
  };
}
