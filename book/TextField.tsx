'use client';
import type { InputHTMLAttributes, ReactNode } from 'react';
import styles from './book.module.css';

/** Ids joined for aria-describedby, or nothing when none applies. */
export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/**
 * One labelled input of the booking form with its error under it: the error is tied to the input
 * (aria-describedby) and marks it invalid, also when `invalid` says a group error concerns it.
 */
export function TextField({
  id,
  label,
  error,
  invalid,
  ...input
}: { id: string; label: ReactNode; error?: string; invalid?: boolean } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className'
>) {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={styles.input}
        {...input}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
        data-testid={id}
      />
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
