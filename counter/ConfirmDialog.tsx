'use client';
import { useTranslations } from 'use-intl';
import styles from './counter.module.css';
import { Dialog } from '../ui/staff/Dialog';

export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  busy,
  danger,
  onConfirm,
  onClose,
  testId,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
}) {
  const t = useTranslations('counter');
  return (
    <Dialog title={title} onClose={onClose} testId={`${testId}-dialog`}>
      <p className={styles.dialogBody}>{body}</p>
      <div className={styles.dialogButtons}>
        <button type="button" className={styles.buttonSecondary} onClick={onClose} autoFocus>
          {t('cancel')}
        </button>
        <button
          type="button"
          className={danger ? styles.buttonDanger : styles.buttonPrimary}
          disabled={busy}
          onClick={onConfirm}
          data-testid={`${testId}-confirm`}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
