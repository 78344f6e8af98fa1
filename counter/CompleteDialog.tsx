'use client';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import styles from './counter.module.css';
import { Dialog } from '../ui/staff/Dialog';
import type { Outcome } from '../contract/enums';
import { outcomes } from './types';

export function CompleteDialog({
  number,
  busy,
  onConfirm,
  onClose,
}: {
  number: string;
  busy: boolean;
  onConfirm: (outcome: Outcome, note: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations('counter');
  const [outcome, setOutcome] = useState<Outcome>('done');
  const [note, setNote] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!busy) onConfirm(outcome, note.trim());
  }

  return (
    <Dialog title={t('complete.title', { number })} onClose={onClose} testId="counter-complete-dialog">
      <form onSubmit={submit} className={styles.dialogForm}>
        <fieldset className={styles.fieldsetPlain}>
          <legend className={styles.fieldLabel}>{t('complete.outcome')}</legend>
          {outcomes.map((o, i) => (
            <label key={o} className={styles.radio}>
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                autoFocus={i === 0}
                data-testid={`counter-outcome-${o}`}
              />
              <span>{t(`complete.${o}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('complete.note')}</span>
          <textarea
            className={styles.textarea}
            rows={3}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="counter-complete-note"
          />
        </label>
        <div className={styles.dialogButtons}>
          <button type="button" className={styles.buttonSecondary} onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className={styles.buttonPrimary} disabled={busy} data-testid="counter-complete-confirm">
            {t('complete.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
