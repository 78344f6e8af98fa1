'use client';
import type { ReactNode } from 'react';
import { ModalDialog } from '../ui/ModalDialog';
import styles from './counter.module.css';

/** The counter screen's modal (behaviour in ui/ModalDialog.tsx). */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      testId={testId}
      className={`${styles.dialog} ${wide ? styles.dialogWide : ''}`}
      titleClassName={styles.dialogTitle}
    >
      {children}
    </ModalDialog>
  );
}
