'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import styles from './counter.module.css';

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind inert,
 * and gives focus back to the opener on close. Escape calls onClose. Mount it only while open.
 */
export function Dialog({ title, onClose, children, testId, wide }: { title: string; onClose: () => void; children: ReactNode; testId?: string; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`${styles.dialog} ${wide ? styles.dialogWide : ''}`} aria-labelledby="counter-dialog-title" data-testid={testId}>
      <h2 id="counter-dialog-title" className={styles.dialogTitle}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
