'use client';
/** The kiosk's back button (top left of every step). */
import { useTranslations } from '../../ui/intl';
import styles from './back-button.module.css';
import { BackIcon } from '../icons';

export function BackButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const t = useTranslations('kiosk');
  return (
    <button type="button" className={styles.backButton} onClick={onClick} data-testid="kiosk-back" data-kiosk-back="">
      <BackIcon />
      <span>{label ?? t('back')}</span>
    </button>
  );
}
