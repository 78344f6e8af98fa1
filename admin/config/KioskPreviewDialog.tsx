'use client';
import { useTranslations } from 'use-intl';
import type { KioskView } from '../../contract/kiosks';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { Dialog } from '../../ui/staff/Dialog';

/** What a ticket printed at this kiosk looks like. */
export function KioskPreviewDialog({ kiosk, onClose }: { kiosk: KioskView; onClose: () => void }) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  return (
    <Dialog title={t('config.kiosks.previewTitle', { name: kiosk.name })} onClose={onClose} testId="kiosk-preview-dialog">
      <div className={styles.dialogForm}>
        <iframe
          className={styles.previewFrame}
          src={`/api/kiosks/${encodeURIComponent(kiosk.id)}/print-preview?lang=${lang}`}
          title={t('config.kiosks.previewFrame', { name: kiosk.name })}
          data-testid="kiosk-preview-frame"
        />
        <div className={styles.dialogButtons}>
          <a
            className={styles.dialogLink}
            href={`/api/kiosks/${encodeURIComponent(kiosk.id)}/print-preview`}
            target="_blank"
            rel="noopener"
          >
            {t('config.kiosks.openPreview')}
          </a>
          <button type="button" className={styles.buttonPrimary} onClick={onClose}>
            {t('config.kiosks.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
