'use client';
import { errorNoticeFor } from '../ui/errorNotice';
import type { Notice } from '../ui/staff/notice';
import { NoticeBox as StaffNoticeBox } from '../ui/staff/NoticeBox';

export type { Notice };

/** Server error codes with their own translation under admin.errors. */
const KNOWN = new Set([
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_credentials',
  'invalid_input',
  'invalid_transition',
  'counter_busy',
  'counter_not_open',
  'counter_changed',
  'service_not_allowed',
  'same_service',
  'other_office',
  'service_by_appointment',
  'rate_limited',
  'login_throttled',
  'password_change_required',
  'code_taken',
  'slug_taken',
  'unknown_category',
  'unknown_office',
  'unknown_service',
  'service_in_use',
  'number_taken',
  'counter_open',
  'counter_has_history',
  'username_taken',
  'self_lockout',
  'order_incomplete',
  'display_slug_taken',
  'invalid_day',
  'printer_interface_required',
]);

/** Turns any thrown value into a notice translated under admin.errors. */
export const errorNotice = errorNoticeFor(KNOWN);

/** The message line of an admin view (one component with the clerk's, see ui/staff/NoticeBox). */
export function NoticeBox({
  notice,
  onDismiss,
  testId = 'admin-message',
}: {
  notice: Notice | null;
  onDismiss?: () => void;
  testId?: string;
}) {
  return <StaffNoticeBox namespace="admin" notice={notice} onDismiss={onDismiss} testId={testId} />;
}
