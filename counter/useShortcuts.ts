'use client';
import { useEffect, useRef } from 'react';

/**
 * Single-key shortcuts for the working view. They never fire while the clerk types in a field,
 * while a dialog is open, with a modifier key held, or on auto-repeat; Space is left alone on
 * focused enabled buttons and links so their own activation still works.
 */
export function useShortcuts(map: Record<string, () => void>, enabled: boolean) {
  const mapRef = useRef(map);
  const enabledRef = useRef(enabled);
  useEffect(() => {
    mapRef.current = map;
    enabledRef.current = enabled;
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!enabledRef.current || e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const target = e.target instanceof Element ? e.target : null;
      if (
        target?.closest(
          'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="combobox"]',
        )
      )
        return;
      const key = e.key === ' ' || e.key === 'Spacebar' ? ' ' : e.key.toLowerCase();
      // Space activates a focused control by itself; a disabled one (e.g. the button just used) does not.
      if (
        key === ' ' &&
        target?.closest(
          'button:not(:disabled), a[href], summary, [role="button"]:not([aria-disabled="true"]), [role="tab"], [role="radio"], [role="checkbox"]',
        )
      )
        return;
      const action = mapRef.current[key];
      if (!action) return;
      e.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
