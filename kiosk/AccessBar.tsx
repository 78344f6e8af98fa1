'use client';
/**
 * The accessibility bar at the foot of the kiosk: on the start screen the four modes (listen, low
 * controls, large text, high contrast) as switches; on every screen while listen mode is on, the
 * speech volume and speed; in the low layout, the languages too. At the bottom so that a
 * wheelchair user reaches it in any layout.
 */
import type { ComponentType, ReactNode } from 'react';
import { useTranslations } from '../ui/intl';
import { rateOf, volumeOf, type AccessChange, type AccessMode, type AccessSettings } from './access';
import { ContrastIcon, HeadphonesIcon, LowLayoutIcon, MinusIcon, PlusIcon, TextSizeIcon } from './icons';
import styles from './access.module.css';

const modes: { mode: AccessMode; key: string; Icon: ComponentType }[] = [
  { mode: 'listen', key: 'listen', Icon: HeadphonesIcon },
  { mode: 'low', key: 'low', Icon: LowLayoutIcon },
  { mode: 'large', key: 'large', Icon: TextSizeIcon },
  { mode: 'contrast', key: 'contrast', Icon: ContrastIcon },
];

export function AccessBar({
  access,
  showModes,
  onChange,
  languages,
}: {
  access: AccessSettings;
  /** The start screen: the modes can be switched here. */
  showModes: boolean;
  onChange: (c: AccessChange) => void;
  /** The language buttons, brought down here in the low layout. */
  languages?: ReactNode;
}) {
  const t = useTranslations('kiosk.access');
  if (!showModes && !access.listen && !languages) return null;
  return (
    <section className={styles.bar} aria-label={t('label')} data-testid="kiosk-access">
      {languages}
      {showModes ? (
        <div className={styles.modes}>
          {modes.map(({ mode, key, Icon }) => (
            <button
              key={mode}
              type="button"
              role="switch"
              aria-checked={access[mode]}
              className={styles.mode}
              onClick={() => onChange({ toggle: mode })}
              data-testid={`kiosk-access-${mode}`}
            >
              <Icon />
              <span>{t(key)}</span>
            </button>
          ))}
        </div>
      ) : null}
      {access.listen ? (
        <div className={styles.speech} role="group" aria-label={t('speechControls')} data-roving="">
          <button
            type="button"
            className={styles.step}
            onClick={() => onChange({ volume: -1 })}
            aria-describedby="kiosk-volume"
            data-testid="kiosk-listen-quieter"
          >
            <MinusIcon />
            <span>{t('quieter')}</span>
          </button>
          <span id="kiosk-volume" className={styles.value} data-testid="kiosk-listen-volume">
            {t('volume', { percent: Math.round(volumeOf(access) * 100) })}
          </span>
          <button
            type="button"
            className={styles.step}
            onClick={() => onChange({ volume: 1 })}
            aria-describedby="kiosk-volume"
            data-testid="kiosk-listen-louder"
          >
            <PlusIcon />
            <span>{t('louder')}</span>
          </button>
          <button
            type="button"
            className={styles.step}
            onClick={() => onChange({ rate: -1 })}
            aria-describedby="kiosk-rate"
            data-testid="kiosk-listen-slower"
          >
            <MinusIcon />
            <span>{t('slower')}</span>
          </button>
          <span id="kiosk-rate" className={styles.value} data-testid="kiosk-listen-rate">
            {t('rate', { percent: Math.round(rateOf(access) * 100) })}
          </span>
          <button
            type="button"
            className={styles.step}
            onClick={() => onChange({ rate: 1 })}
            aria-describedby="kiosk-rate"
            data-testid="kiosk-listen-faster"
          >
            <PlusIcon />
            <span>{t('faster')}</span>
          </button>
        </div>
      ) : null}
    </section>
  );
}
