'use client';
import { useTranslations } from 'use-intl';
import styles from './staff.module.css';
import type { Notice } from './notice';

/**
 * The message line of a staff view, translated under the screen's namespace; a live region, so
 * screen readers hear it. `reserved` keeps its height when empty (the clerk's screen).
 */
export function NoticeBox({
  namespace,
  notice,
  onDismiss,
  testId,
  reserved = false,
}: {
  namespace: 'admin' | 'counter';
  notice: Notice | null;
  onDismiss?: () => void;
  testId: string;
  reserved?: boolean;
}) {
  const t = useTranslations(namespace);
  const cls = notice ? styles[`notice_${notice.kind}`] : styles.noticeEmpty;
  return (
    <div
      className={`${styles.notice} ${cls}${reserved ? ` ${styles.noticeReserved}` : ''}`}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid={testId}
      data-kind={notice?.kind ?? ''}
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
