'use client';
import { useId, type ReactNode } from 'react';
import styles from '../admin.module.css';

/** What a form control inside a Field must carry: its id, and the links to its hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled form field with an optional hint and an error line under the control; the error
 * is tied to the control (aria-invalid, aria-describedby) so screen readers announce it with it.
 */
export function Field({
  label,
  hint,
  error,
  testId,
  className,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  testId?: string;
  className?: string;
  children: (p: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className ?? styles.field}>
      <label htmlFor={id} className={styles.fieldLabel}>
        {label}
      </label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <span id={hintId} className={styles.muted}>
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className={styles.fieldError} data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </span>
      )}
    </div>
  );
}
