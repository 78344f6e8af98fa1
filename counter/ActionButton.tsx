'use client';
import styles from './counter.module.css';

/** A working-view button with its keyboard shortcut printed on it (and announced via aria-keyshortcuts). */
export function ActionButton({
  label,
  keys,
  ariaKeys,
  onClick,
  disabled,
  busy,
  variant = 'secondary',
  testId,
}: {
  label: string;
  keys: string[];
  ariaKeys: string;
  onClick: () => void;
  disabled: boolean;
  busy?: boolean;
  variant?: 'primary' | 'secondary' | 'danger' | 'warning';
  testId: string;
}) {
  const cls = {
    primary: styles.actPrimary,
    secondary: styles.actSecondary,
    danger: styles.actDanger,
    warning: styles.actWarning,
  }[variant];
  return (
    <button
      type="button"
      className={`${styles.action} ${cls}`}
      onClick={onClick}
      disabled={disabled}
      aria-keyshortcuts={ariaKeys}
      aria-busy={busy || undefined}
      data-testid={testId}
    >
      <span className={styles.actionLabel}>{label}</span>
      <span className={styles.keys} aria-hidden="true">
        {keys.map((k) => (
          <kbd key={k} className={styles.kbd}>
            {k}
          </kbd>
        ))}
      </span>
    </button>
  );
}
