'use client';
import { useTranslations } from 'use-intl';
import { ApiError } from '../counter/api';
import styles from './admin.module.css';

/** A message shown to the supervisor; translated at render time so a language switch applies to it. */
export interface Notice {
  kind: 'info' | 'success' | 'error';
  key: string;
  values?: Record<string, string | number>;
}

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

export function errorNotice(err: unknown): Notice {
  if (err instanceof ApiError) {
    if (KNOWN.has(err.code)) return { kind: 'error', key: `errors.${err.code}` };
    if (err.status === 400 || err.status === 422) return { kind: 'error', key: 'errors.invalid_input' };
    if (err.status === 429) return { kind: 'error', key: 'errors.rate_limited' };
    return { kind: 'error', key: 'errors.generic', values: { code: err.code } };
  }
  return { kind: 'error', key: 'errors.generic', values: { code: 'client' } };
}

/** The message line of a view: a live region, so screen readers hear it. */
export function NoticeBox({ notice, onDismiss, testId = 'admin-message' }: { notice: Notice | null; onDismiss?: () => void; testId?: string }) {
  const t = useTranslations('admin');
  return (
    <div className={`${styles.notice} ${notice ? styles[`notice_${notice.kind}`] : styles.noticeEmpty}`} role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
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
