'use client';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import type { TickerMessage } from '../contract/display';
import { secondLine } from '../contract/languages';
import type { LanguageCode } from '../i18n/languages';
import styles from './display.module.css';

/** Scrolling speed: the band's width in this many seconds, whatever the TV's resolution. */
const SECONDS_PER_WIDTH = 11;
/** Reduced motion: each message stays still this long (plus a little per character). */
const HOLD_MS = 7000;
const HOLD_PER_CHAR_MS = 50;
const MAX_HOLD_MS = 16_000;

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
function subscribeReducedMotion(onChange: () => void): () => void {
  const mq = window.matchMedia(REDUCED_MOTION);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

/**
 * The message band at the bottom of the display: one message at a time, Italian with the
 * secondary language underneath, scrolling from right to left, then the next. With
 * `prefers-reduced-motion` nothing moves: each message is shown still, then replaced.
 */
export function Ticker({
  messages,
  secondary,
  label,
  badge,
}: {
  messages: TickerMessage[];
  secondary: LanguageCode | null;
  label: string;
  badge: ReactNode;
}) {
  const reduced = usePrefersReducedMotion();
  // Increases at each pass, so the same message scrolls again (the element is keyed by it).
  const [pass, setPass] = useState(0);
  const msg = messages[pass % messages.length];
  const sec = msg ? secondLine(msg, secondary) : null;
  const viewport = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const [motion, setMotion] = useState<CSSProperties | null>(null);
  const text = msg ? `${msg.it}\n${sec?.text ?? ''}` : '';

  // A new list (an admin edited the ticker): start again from its first message.
  const listKey = messages.map((m) => JSON.stringify(m)).join('\u0001');
  const [passKey, setPassKey] = useState(listKey);
  if (passKey !== listKey) {
    setPassKey(listKey);
    setPass(0);
  }

  useLayoutEffect(() => {
    if (reduced || !viewport.current || !track.current) return setMotion(null);
    const width = viewport.current.clientWidth;
    const content = track.current.scrollWidth;
    const seconds = ((width + content) / Math.max(1, width)) * SECONDS_PER_WIDTH;
    setMotion({
      ['--ticker-from' as string]: `${width}px`,
      ['--ticker-to' as string]: `${-content}px`,
      animationDuration: `${seconds.toFixed(2)}s`,
    });
  }, [reduced, pass, text]);

  useEffect(() => {
    if (!reduced || messages.length === 0) return;
    const hold = Math.min(MAX_HOLD_MS, HOLD_MS + text.length * HOLD_PER_CHAR_MS);
    const t = setTimeout(() => setPass((p) => p + 1), hold);
    return () => clearTimeout(t);
  }, [reduced, pass, text, messages.length]);

  if (!msg) return null;
  return (
    <aside
      className={styles.ticker}
      aria-label={label}
      data-testid="display-ticker"
      data-reduced-motion={reduced ? 'true' : 'false'}
    >
      <div className={styles.tickerBadge} aria-hidden="true">
        {badge}
      </div>
      <div className={styles.tickerViewport} ref={viewport}>
        <div
          key={pass}
          ref={track}
          className={reduced ? styles.tickerStill : motion ? styles.tickerTrack : styles.tickerMeasure}
          style={reduced ? undefined : (motion ?? undefined)}
          onAnimationEnd={() => setPass((p) => p + 1)}
          data-testid="display-ticker-message"
        >
          <span lang="it" className={styles.tickerPrimary}>
            {msg.it}
          </span>
          {sec && (
            <span lang={sec.lang} className={styles.tickerSec}>
              {sec.text}
            </span>
          )}
        </div>
      </div>
    </aside>
  );
}
