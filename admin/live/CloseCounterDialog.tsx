'use client';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import type { SupervisorCounter } from '../../contract/supervisor';
import styles from '../admin.module.css';
import { Dialog } from '../../ui/staff/Dialog';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';

export function CloseCounterDialog({
  counter,
  onClose,
  onDone,
}: {
  counter: SupervisorCounter;
  onClose: () => void;
  onDone: (n: Notice) => void;
}) {
  const t = useTranslations('admin');
  const fail = useFailure();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function confirm() {
    setBusy(true);
    try {
      await call(api.closeCounter, { params: { id: counter.id } });
      onDone({ kind: 'success', key: 'closeDialog.done', values: { counter: counter.name } });
    } catch (err) {
      fail(err, setNotice);
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('closeDialog.title', { counter: counter.name })} onClose={onClose} testId="admin-close-dialog">
      <div className={styles.dialogForm}>
        <p>{t('closeDialog.text', { clerk: counter.staffName ?? '–' })}</p>
        <NoticeBox notice={notice} testId="admin-dialog-message" />
        <div className={styles.dialogButtons}>
          <button type="button" className={styles.buttonSecondary} onClick={onClose} autoFocus>
            {t('cancel')}
          </button>
          <button
            type="button"
            className={styles.buttonDanger}
            onClick={confirm}
            disabled={busy}
            data-testid="admin-close-confirm"
          >
            {t('closeDialog.submit')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
