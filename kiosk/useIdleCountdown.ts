'use client';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Seconds "I need more time" adds, and the longest the kiosk may wait after it. */
export const EXTRA_SECONDS = 60;
const MAX_SECONDS = 300;

/**
 * Inactivity countdown (EN 301 549 / WCAG 2.2.1: the limit is shown and can be extended).
 * Any touch or key inside `rootRef` restarts it (never shortens an extension); `extend` adds time;
 * `resetKey` restarts it when the step changes. `onExpire` runs once when it reaches zero.
 */
export function useIdleCountdown({
  active,
  seconds,
  resetKey,
  rootRef,
  onExpire,
}: {
  active: boolean;
  seconds: number;
  resetKey: string;
  rootRef: RefObject<HTMLElement | null>;
  onExpire: () => void;
}) {
  const deadline = useRef(0);
  const [remaining, setRemaining] = useState(seconds);
  const expireRef = useRef(onExpire);
  useEffect(() => {
    expireRef.current = onExpire;
  });

  const left = () => Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));

  useEffect(() => {
    if (!active) return;
    deadline.current = Date.now() + seconds * 1000;
    // The countdown shows the full time at once when it (re)starts.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRemaining(seconds);
    let expired = false;
    const tick = () => {
      const r = left();
      setRemaining(r);
      if (r <= 0 && !expired) {
        expired = true;
        expireRef.current();
      }
    };
    // Only the deadline moves here; the tick shows it. A setState in this capture-phase listener
    // would re-render controlled inputs in the middle of their own input event and drop the text.
    const bump = () => {
      deadline.current = Math.max(deadline.current, Date.now() + seconds * 1000);
    };
    const id = window.setInterval(tick, 250);
    const el = rootRef.current;
    for (const ev of ACTIVITY_EVENTS) el?.addEventListener(ev, bump, { passive: true, capture: true });
    return () => {
      window.clearInterval(id);
      for (const ev of ACTIVITY_EVENTS) el?.removeEventListener(ev, bump, { capture: true });
    };
  }, [active, seconds, resetKey, rootRef]);

  const extend = useCallback(() => {
    const now = Date.now();
    deadline.current = Math.min(Math.max(deadline.current, now) + EXTRA_SECONDS * 1000, now + MAX_SECONDS * 1000);
    setRemaining(left());
  }, []);

  return { remaining, extend };
}
