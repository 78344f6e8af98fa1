'use client';
import { useTranslations } from 'use-intl';
import styles from './admin.module.css';

/** The footer of a form in a dialog: Cancel closes it, the primary button (Save unless named) submits the form. */
export function DialogActions({
  onCancel,
  submitLabel,
  submitTestId,
  disabled,
}: {
  onCancel: () => void;
  submitLabel?: string;
  submitTestId?: string;
  disabled?: boolean;
}) {
  const t = useTranslations('admin');
  return (
    <div className={styles.dialogButtons}>
      <button type="button" className={styles.buttonSecondary} onClick={onCancel}>
        {t('cancel')}
      </button>
      <button type="submit" className={styles.buttonPrimary} disabled={disabled} data-testid={submitTestId}>
        {submitLabel ?? t('config.save')}
      </button>
    </div>
  );
}
