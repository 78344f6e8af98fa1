'use client';
import { useEffect, useMemo, useState } from 'react';
import { speechTag } from '../contract/languages';
import type { LanguageCode } from '../i18n/languages';
import styles from './display.module.css';

export const DISPLAY_TIME_ZONE = 'Europe/Rome';

/**
 * Wall clock in the office's time zone, corrected by the server's clock (the TV's own clock is
 * often wrong). Rendered only after mount so server and client HTML agree.
 */
export function Clock({ offsetMs, secondary, label }: { offsetMs: number; secondary: LanguageCode | null; label: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, []);

  const fmt = useMemo(
    () => ({
      time: new Intl.DateTimeFormat('it-IT', {
        timeZone: DISPLAY_TIME_ZONE,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      dateIt: new Intl.DateTimeFormat('it-IT', { timeZone: DISPLAY_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }),
      dateSec: secondary
        ? new Intl.DateTimeFormat(speechTag(secondary), {
            timeZone: DISPLAY_TIME_ZONE,
            weekday: 'long',
            day: 'numeric',
            month: 'long',
          })
        : null,
    }),
    [secondary],
  );

  const d = now === null ? null : new Date(now + offsetMs);
  return (
    <div className={styles.clock} data-testid="display-clock" role="timer" aria-label={label}>
      <time className={styles.clockTime} dateTime={d ? d.toISOString() : undefined} suppressHydrationWarning>
        {d ? fmt.time.format(d) : '--:--'}
      </time>
      <span className={styles.clockDate}>
        {d && <span lang="it">{fmt.dateIt.format(d)}</span>}
        {d && fmt.dateSec && secondary && (
          <span lang={secondary} className={styles.clockDateSec}>
            {fmt.dateSec.format(d)}
          </span>
        )}
      </span>
    </div>
  );
}
