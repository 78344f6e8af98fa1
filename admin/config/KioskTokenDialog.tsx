'use client';
import { useTranslations } from 'use-intl';
import type { KioskView } from '../../contract/kiosks';
import styles from '../admin.module.css';
import { Dialog } from '../Dialog';
import { NoticeBox, type Notice } from '../notice';
import { CopyField } from './CopyField';

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
        <CopyField
          label={t('config.kiosks.token')}
          value={token}
          onCopy={onCopy}
          testId="kiosk-token"
          copyTestId="kiosk-token-copy"
        />
        <CopyField label={t('config.kiosks.kioskUrl')} value={kiosk.kioskUrl} onCopy={onCopy} />
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
