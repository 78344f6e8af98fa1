'use client';
import { useTranslations } from 'use-intl';
import type { KioskView } from '../../contract/kiosks';
import styles from '../admin.module.css';
import { Dialog } from '../../ui/staff/Dialog';
import { NoticeBox, type Notice } from '../notice';
import { Field } from './Field';

/** A new agent token, shown once, with the kiosk's address; both can be copied. */
export function KioskTokenDialog({
  kiosk,
  token,
  copied,
  onCopy,
  onClose,
}: {
  kiosk: KioskView;
  token: string;
  copied: Notice | null;
  onCopy: (text: string, inputId: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations('admin');
  return (
    <Dialog title={t('config.kiosks.tokenTitle', { name: kiosk.name })} onClose={onClose} testId="kiosk-token-dialog">
      <div className={styles.dialogForm}>
        <p className={styles.warningBox} role="alert">
          {t('config.kiosks.tokenWarning')}
        </p>
        <Field label={t('config.kiosks.token')}>
          {(p) => (
            <div className={styles.copyRow}>
              <input
                {...p}
                className={styles.input}
                readOnly
                value={token}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="kiosk-token"
              />
              <button
                type="button"
                className={styles.buttonSecondary}
                onClick={() => onCopy(token, p.id)}
                aria-label={t('config.kiosks.copyOf', { what: t('config.kiosks.token') })}
                data-testid="kiosk-token-copy"
              >
                {t('config.kiosks.copy')}
              </button>
            </div>
          )}
        </Field>
        <Field label={t('config.kiosks.kioskUrl')}>
          {(p) => (
            <div className={styles.copyRow}>
              <input {...p} className={styles.input} readOnly value={kiosk.kioskUrl} onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                className={styles.buttonSecondary}
                onClick={() => onCopy(kiosk.kioskUrl, p.id)}
                aria-label={t('config.kiosks.copyOf', { what: t('config.kiosks.kioskUrl') })}
              >
                {t('config.kiosks.copy')}
              </button>
            </div>
          )}
        </Field>
        <NoticeBox notice={copied} testId="kiosk-copy-message" />
        <div className={styles.dialogButtons}>
          <button type="button" className={styles.buttonPrimary} onClick={onClose} data-testid="kiosk-token-done">
            {t('config.kiosks.tokenDone')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
