'use client';
/** Waiting for the server to issue the ticket. */
import { useTranslations } from 'use-intl';
import styles from '../kiosk.module.css';
import type { HeadingRef } from './heading';

export function IssuingScreen({ headingRef }: { headingRef: HeadingRef }) {
  const t = useTranslations('kiosk');
  return (
    <div className={`${styles.screen} ${styles.centered}`} aria-busy="true">
      <span className={styles.spinner} aria-hidden="true" />
      <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
        {t('issuing')}
      </h1>
    </div>
  );
}
