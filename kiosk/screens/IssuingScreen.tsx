'use client';
/** Waiting for the server to issue the ticket. */
import { useTranslations } from '../../ui/intl';
import kiosk from '../kiosk.module.css';
import styles from './issuing.module.css';
import type { HeadingRef } from './heading';

export function IssuingScreen({ headingRef }: { headingRef: HeadingRef }) {
  const t = useTranslations('kiosk');
  return (
    <div className={`${kiosk.screen} ${kiosk.centered}`} aria-busy="true">
      <span className={styles.spinner} aria-hidden="true" />
      <h1 ref={headingRef} tabIndex={-1} className={kiosk.title}>
        {t('issuing')}
      </h1>
    </div>
  );
}
