'use client';
import { useEffect, useRef, type RefObject } from 'react';
import { isEditable, stepInGrid, stepItem, stepStop, syncRoving } from './keypad';

/** How long 5 or H must be held to switch listen mode (a short press does nothing). */
export const HOLD_MS = 1000;

export interface KeypadActions {
  onToggleListen: () => void;
  /** +1 louder or faster, -1 quieter or slower (only while listen mode is on). */
  onVolume: (d: 1 | -1) => void;
  onRate: (d: 1 | -1) => void;
  /** Says the last sentence again (listen mode). */
  onRepeat: () => void;
  /** Listen mode is on: the volume and speed keys work. */
  listen: boolean;
}

/**
 * The kiosk's keys (see keypad.ts): arrows move, Enter chooses (the buttons' own), Escape and
 * Backspace go back (the screen's control marked `data-kiosk-back`), holding 5 or H switches
 * listen mode, + and - change the volume, * and / the speed, 0 repeats. Text fields keep their
 * own keys.
 */
export function useKeypad(rootRef: RefObject<HTMLElement | null>, actions: KeypadActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    syncRoving(root);
    // New items (a screen, the search keyboard) get their tab stops as soon as they appear.
    const observer = new MutationObserver(() => syncRoving(root, document.activeElement as HTMLElement | null));
    observer.observe(root, { childList: true, subtree: true });
    const onFocus = (e: FocusEvent) => syncRoving(root, e.target as HTMLElement);

    let hold = 0;
    let heldKey = '';
    const back = () => {
      const target = root.querySelector<HTMLElement>('[data-kiosk-back]');
      if (target && !target.matches(':disabled')) target.click();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const active = document.activeElement;
      const editable = isEditable(active);
      let target: HTMLElement | null = null;
      switch (e.key) {
        case 'ArrowRight':
        case 'ArrowLeft': {
          // In a field with text the arrows move the caret.
          if (editable && active.value) return;
          const rtl = getComputedStyle(root).direction === 'rtl';
          target = stepItem(root, active, (e.key === 'ArrowRight') !== rtl);
          break;
        }
        case 'ArrowDown':
        case 'ArrowUp': {
          const down = e.key === 'ArrowDown';
          target = (active instanceof HTMLElement && stepInGrid(root, active, down)) || stepStop(root, active, down);
          break;
        }
        case 'Escape':
          e.preventDefault();
          back();
          return;
        case 'Backspace':
          if (editable) return;
          e.preventDefault();
          back();
          return;
        case '+':
        case '-':
          if (editable || !latest.current.listen) return;
          e.preventDefault();
          latest.current.onVolume(e.key === '+' ? 1 : -1);
          return;
        case '*':
        case '/':
          if (editable || !latest.current.listen) return;
          e.preventDefault();
          latest.current.onRate(e.key === '*' ? 1 : -1);
          return;
        case '0':
          if (editable || !latest.current.listen) return;
          e.preventDefault();
          latest.current.onRepeat();
          return;
        case '5':
        case 'h':
        case 'H':
          if (editable || e.repeat) return;
          window.clearTimeout(hold);
          heldKey = e.key.toLowerCase();
          hold = window.setTimeout(() => {
            heldKey = '';
            latest.current.onToggleListen();
          }, HOLD_MS);
          return;
        default:
          return;
      }
      // An arrow: never scroll the page, even at the first or last control.
      e.preventDefault();
      target?.focus();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (heldKey && e.key.toLowerCase() === heldKey) {
        window.clearTimeout(hold);
        heldKey = '';
      }
    };
    root.addEventListener('focusin', onFocus);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      observer.disconnect();
      window.clearTimeout(hold);
      root.removeEventListener('focusin', onFocus);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [rootRef]);
}
