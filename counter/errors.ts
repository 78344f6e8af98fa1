/** The clerk screen's error messages: server codes with their own translation under counter.errors. */
import { errorNoticeFor } from '../ui/errorNotice';

const knownCodes = new Set([
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_credentials',
  'invalid_transition',
  'counter_busy',
  'counter_not_open',
  'counter_paused',
  'counter_taken',
  'already_at_counter',
  'counter_closed',
  'not_your_counter',
  'no_services',
  'invalid_input',
  'same_counter',
  'same_staff',
  'other_office',
  'service_not_allowed',
  'queue_unstable',
  'rate_limited',
  'login_throttled',
  'password_change_required',
  'service_by_appointment',
]);

/** Turns any thrown value into a notice translated under counter.errors. */
export const errorNotice = errorNoticeFor(knownCodes);
