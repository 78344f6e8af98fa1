'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and gives
 * focus back to the opener on close. Escape calls onClose. Mount it only while open. Each screen
 * wraps it with its own styles (admin/Dialog.tsx, counter/Dialog.tsx).
 */
export function ModalDialog({
  title,
  onClose,
  children,
  testId,
  className,
  titleClassName,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  className: string;
  titleClassName: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  const titleId = useId();

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
    <dialog ref={ref} className={className} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className={titleClassName}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
