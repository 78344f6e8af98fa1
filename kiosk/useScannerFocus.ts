'use client';
import { useEffect, type RefObject } from 'react';

/**
 * A barcode scanner types into whatever has the focus: keep it on this field. The kiosk first
 * focuses the screen's heading (so screen readers announce the step); then the field takes over,
 * and takes it back whenever nothing else that can be typed into or pressed has it.
 */
export function useScannerFocus(inputRef: RefObject<HTMLInputElement | null>, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const claim = () => {
      const a = document.activeElement;
      if (!a || a === document.body || a.tagName === 'H1') inputRef.current?.focus({ preventScroll: true });
    };
    const first = window.setTimeout(claim, 150);
    const id = window.setInterval(claim, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(id);
    };
  }, [inputRef, enabled]);
}
