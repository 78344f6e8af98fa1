'use client';
import { useTranslations } from 'use-intl';
import type { KioskView, PairingCode } from '../../contract/kiosks';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { Dialog } from '../Dialog';
import { NoticeBox, type Notice } from '../notice';
import { CopyField } from './CopyField';

/**
 * A one-time pairing code for the kiosk PC's browser: the installer opens the link (or types the
 * code on /kiosk/pair) there. The code is shown here only; the server keeps its hash.
 */
export function KioskPairingDialog({
  kiosk,
  pairing,
  copied,
  onCopy,
  onClose,
}: {
  kiosk: KioskView;
  pairing: PairingCode;
  copied: Notice | null;
  onCopy: (text: string, inputId: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const until = new Date(pairing.expiresAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  return (
    <Dialog title={t('config.kiosks.pairTitle', { name: kiosk.name })} onClose={onClose} testId="kiosk-pairing-dialog">
      <div className={styles.dialogForm}>
        <p>{t('config.kiosks.pairExplain', { until })}</p>
        <p className={styles.pairingCode} data-testid="kiosk-pairing-code" aria-label={t('config.kiosks.pairCode')}>
          {pairing.code}
        </p>
        <CopyField label={t('config.kiosks.pairLink')} value={pairing.pairUrl} onCopy={onCopy} testId="kiosk-pairing-link" />
        {kiosk.pairedAt && (
          <p className={styles.warningBox} role="note">
            {t('config.kiosks.pairReplaces')}
          </p>
        )}
        <NoticeBox notice={copied} />
        <div className={styles.dialogButtons}>
          <button type="button" className={styles.buttonPrimary} onClick={onClose} data-testid="kiosk-pairing-done">
            {t('config.kiosks.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
