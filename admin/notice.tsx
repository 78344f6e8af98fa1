'use client';
import { useTranslations } from 'use-intl';
import { errorNoticeFor } from '../counter/api';
import type { Notice } from '../counter/types';
import styles from './admin.module.css';

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

/** The message line of a view: a live region, so screen readers hear it. */
export function NoticeBox({
  notice,
  onDismiss,
  testId = 'admin-message',
}: {
  notice: Notice | null;
  onDismiss?: () => void;
  testId?: string;
}) {
  const t = useTranslations('admin');
  return (
    <div
      className={`${styles.notice} ${notice ? styles[`notice_${notice.kind}`] : styles.noticeEmpty}`}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid={testId}
    >
      {notice && (
        <>
          <span>{t(notice.key, notice.values)}</span>
          {onDismiss && (
            <button type="button" className={styles.noticeClose} onClick={onDismiss} aria-label={t('dismiss')}>
              ×
            </button>
          )}
        </>
      )}
    </div>
  );
}
