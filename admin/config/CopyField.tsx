'use client';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { Field } from './Field';

/** A read-only value to copy (a token, a link): the field selects itself, the button copies. */
export function CopyField({
  label,
  value,
  onCopy,
  testId,
  copyTestId,
}: {
  label: string;
  value: string;
  onCopy: (text: string, inputId: string) => void;
  testId?: string;
  copyTestId?: string;
}) {
  const t = useTranslations('admin');
  return (
    <Field label={label}>
      {(p) => (
        <div className={styles.copyRow}>
          <input
            {...p}
            className={styles.input}
            readOnly
            value={value}
            onFocus={(e) => e.currentTarget.select()}
            data-testid={testId}
          />
          <button
            type="button"
            className={styles.buttonSecondary}
            onClick={() => onCopy(value, p.id)}
            aria-label={t('config.kiosks.copyOf', { what: label })}
            data-testid={copyTestId}
          >
            {t('config.kiosks.copy')}
          </button>
        </div>
      )}
    </Field>
  );
}
