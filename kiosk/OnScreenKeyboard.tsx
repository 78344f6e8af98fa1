'use client';
import type { MouseEvent } from 'react';
import { useTranslations } from '../ui/intl';
import { BackspaceIcon } from './icons';
import styles from './keyboard.module.css';
import access from './access.module.css';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * A big on-screen keyboard for kiosks without a physical one. Keys keep the focus in the search
 * box (mousedown is cancelled), so the caret stays visible.
 */
export function OnScreenKeyboard({
  value,
  onChange,
  className,
}: {
  value: string;
  onChange: (v: string) => void;
  /** The screen's placement of the keyboard. */
  className?: string;
}) {
  const t = useTranslations('kiosk');
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    // One tab stop; the arrows move between the keys (keypad.ts).
    <div
      className={`${styles.keyboard} ${access.lowKeys}${className ? ` ${className}` : ''}`}
      role="group"
      aria-label={t('keyboardLabel')}
      data-roving="grid"
    >
      {ROWS.map((row) => (
        <div key={row} className={styles.keyRow}>
          {[...row].map((ch) => (
            <button key={ch} type="button" className={styles.key} onMouseDown={keep} onClick={() => onChange(value + ch)}>
              {ch.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <div className={styles.keyRow}>
        <button
          type="button"
          className={`${styles.key} ${styles.keyWide}`}
          onMouseDown={keep}
          onClick={() => onChange('')}
          disabled={!value}
        >
          {t('keyClear')}
        </button>
        <button
          type="button"
          className={`${styles.key} ${styles.keySpace}`}
          onMouseDown={keep}
          onClick={() => onChange(value.endsWith(' ') || !value ? value : `${value} `)}
        >
          {t('keySpace')}
        </button>
        <button
          type="button"
          className={`${styles.key} ${styles.keyWide}`}
          onMouseDown={keep}
          onClick={() => onChange(value.slice(0, -1))}
          disabled={!value}
          aria-label={t('keyBackspace')}
        >
          <BackspaceIcon />
        </button>
      </div>
    </div>
  );
}
