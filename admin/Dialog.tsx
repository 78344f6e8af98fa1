'use client';
import type { ReactNode } from 'react';
import { ModalDialog } from '../ui/ModalDialog';
import styles from './admin.module.css';

/** The admin screens' modal (behaviour in ui/ModalDialog.tsx). */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** For long forms (checkbox lists side by side). */ wide?: boolean;
}) {
  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      testId={testId}
      className={wide ? `${styles.dialog} ${styles.dialogWide}` : styles.dialog}
      titleClassName={styles.dialogTitle}
    >
      {children}
    </ModalDialog>
  );
}
