'use client';
import type { FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { Dialog } from '../../ui/staff/Dialog';
import { DialogActions } from '../DialogActions';
import { NoticeBox, type Notice } from '../notice';
import { Field } from './Field';
import { paperOf, type Draft } from './kiosks';
import { LocalizedTextField } from './LocalizedTextField';
import { languageErrors } from './text-draft';

/** Register a kiosk or edit one: name, printing, printer, paper, where it stands. */
export function KioskDialog({
  isNew,
  draft,
  set,
  formError,
  issues,
  onSave,
  onClose,
}: {
  isNew: boolean;
  draft: Draft;
  set: <K extends keyof Draft>(k: K, v: Draft[K]) => void;
  formError: Notice | null;
  issues: Map<string, string>;
  onSave: (e: FormEvent) => void;
  onClose: () => void;
}) {
  const t = useTranslations('admin');
  const err = (path: string, key: string) => (issues.has(path) ? t(key) : null);
  return (
    <Dialog title={isNew ? t('config.kiosks.new') : t('config.kiosks.edit')} onClose={onClose} testId="kiosk-dialog">
      <form className={styles.dialogForm} onSubmit={onSave} noValidate>
        <NoticeBox notice={formError} testId="kiosk-form-message" />
        <Field label={t('config.kiosks.name')} error={err('name', 'config.kiosks.errors.name')} testId="kiosk-name">
          {(p) => (
            <input
              {...p}
              className={styles.input}
              required
              maxLength={80}
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
              data-testid="kiosk-name-input"
            />
          )}
        </Field>
        <div className={styles.formRow}>
          <Field label={t('config.kiosks.printMode')}>
            {(p) => (
              <select
                {...p}
                className={styles.select}
                value={draft.printMode}
                onChange={(e) => set('printMode', e.target.value as Draft['printMode'])}
                data-testid="kiosk-print-mode"
              >
                {(['agent', 'server', 'none'] as const).map((m) => (
                  <option key={m} value={m}>
                    {t(`config.kiosks.printModes.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('config.kiosks.printerType')}>
            {(p) => (
              <select
                {...p}
                className={styles.select}
                value={draft.printerType}
                onChange={(e) => set('printerType', e.target.value as Draft['printerType'])}
              >
                {(['epson', 'star', 'custom'] as const).map((m) => (
                  <option key={m} value={m}>
                    {t(`config.kiosks.printerTypes.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('config.kiosks.paperWidth')}>
            {(p) => (
              <select
                {...p}
                className={styles.select}
                value={draft.paperWidth}
                onChange={(e) => set('paperWidth', paperOf(Number(e.target.value)))}
                data-testid="kiosk-paper"
              >
                {[80, 58].map((w) => (
                  <option key={w} value={w}>
                    {t('config.kiosks.mm', { mm: w })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field
          label={t('config.kiosks.printerInterface')}
          hint={t('config.kiosks.printerInterfaceHint')}
          error={
            formError?.key === 'errors.printer_interface_required'
              ? t('errors.printer_interface_required')
              : err('printerInterface', 'config.kiosks.errors.printerInterface')
          }
        >
          {(p) => (
            <input
              {...p}
              className={styles.input}
              maxLength={200}
              value={draft.printerInterface}
              onChange={(e) => set('printerInterface', e.target.value)}
              data-testid="kiosk-interface"
            />
          )}
        </Field>
        <LocalizedTextField
          label={t('config.kiosks.locationHint')}
          value={draft.locationHint}
          onChange={(v) => set('locationHint', v)}
          required={false}
          maxLength={120}
          errors={languageErrors(issues, 'locationHint', t('config.kiosks.errors.locationHint'))}
          testId="kiosk-hint"
        />
        {!isNew && (
          <label className={styles.check}>
            <input type="checkbox" checked={draft.active} onChange={(e) => set('active', e.target.checked)} />
            {t('config.active')}
          </label>
        )}
        <DialogActions onCancel={onClose} submitTestId="kiosk-save" />
      </form>
    </Dialog>
  );
}
