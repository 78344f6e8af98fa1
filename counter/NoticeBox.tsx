'use client';
import { useTranslations } from 'use-intl';
import styles from './counter.module.css';
import type { Notice } from './types';

/** The single message line of a view (`counter-message`); a live region, so screen readers hear it. */
export function NoticeBox({ notice, onDismiss }: { notice: Notice | null; onDismiss?: () => void }) {
  const t = useTranslations('counter');
  const cls = notice ? styles[`notice_${notice.kind}`] : styles.noticeEmpty;
  return (
    <div
      className={`${styles.notice} ${cls}`}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="counter-message"
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
