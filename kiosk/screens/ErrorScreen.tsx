'use client';
/** A ticket could not be issued: why, and what to do. */
import { useTranslations } from '../../ui/intl';
import kiosk from '../kiosk.module.css';
import styles from './error.module.css';
import type { HeadingRef } from './heading';
import type { ErrorKind } from '../api';
import { AlertIcon } from '../icons';

const errorKeys: Record<ErrorKind, string> = {
  network: 'errorNetwork',
  tooMany: 'errorTooMany',
  byAppointment: 'errorByAppointment',
  notFound: 'errorNotFound',
  closed: 'errorClosed',
  unavailable: 'errorUnavailable',
  generic: 'errorGeneric',
};

export function errorMessageKey(kind: ErrorKind): string {
  return errorKeys[kind];
}

export function ErrorScreen({
  headingRef,
  kind,
  onRetry,
  onStartOver,
}: {
  headingRef: HeadingRef;
  kind: ErrorKind;
  onRetry: (() => void) | null;
  onStartOver: () => void;
}) {
  const t = useTranslations('kiosk');
  return (
    <div className={`${kiosk.screen} ${kiosk.centered}`} data-testid="kiosk-error" data-error={kind}>
      <div className={styles.errorPanel} role="alert">
        <span className={styles.errorIcon}>
          <AlertIcon />
        </span>
        <h1 ref={headingRef} tabIndex={-1} className={kiosk.title}>
          {t('errorTitle')}
        </h1>
        <p className={styles.errorText} data-summary="">
          {t(errorKeys[kind])}
        </p>
      </div>
      <div className={kiosk.actions}>
        {onRetry ? (
          <button type="button" className={kiosk.primaryButton} onClick={onRetry} data-testid="kiosk-retry">
            {t('retry')}
          </button>
        ) : null}
        <button type="button" className={kiosk.secondaryButton} onClick={onStartOver} data-kiosk-back="">
          {t('startOver')}
        </button>
      </div>
    </div>
  );
}
