'use client';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';

/** The Edit button of a list row; its accessible name says which row it edits. */
export function EditButton({ name, onClick, testId }: { name: string; onClick: () => void; testId?: string }) {
  const t = useTranslations('admin');
  return (
    <button
      type="button"
      className={styles.buttonSmall}
      onClick={onClick}
      aria-label={t('config.editOf', { name })}
      data-testid={testId}
    >
      {t('config.edit')}
    </button>
  );
}
