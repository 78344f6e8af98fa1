'use client';
/**
 * An online service's form, edited by admins: its fields in order (name, type, required, label
 * and help in every language, the options of a choice), added, moved and removed. Saving adds a
 * version (PUT /api/admin/services/{id}/form): procedures already submitted keep theirs. The
 * server validates it; its refusals show under the field they name.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import { formFieldTypeSchema, type FormField, type FormFieldType } from '../../contract/forms';
import { call } from '../../ui/http';
import { Dialog } from '../../ui/staff/Dialog';
import { useLoad } from '../../ui/useLoad';
import styles from '../admin.module.css';
import { DialogActions } from '../DialogActions';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { LocalizedTextField } from './LocalizedTextField';
import { fromDraft, fromOptionalDraft, languageErrors, textDraft, type TextDraft } from './text-draft';

interface FieldDraft {
  /** React key: stays while the name is edited and fields move. */
  key: number;
  name: string;
  type: FormFieldType;
  required: boolean;
  label: TextDraft;
  help: TextDraft;
  options: { value: string; label: TextDraft }[];
}

let nextKey = 1;
const toDraft = (f: FormField): FieldDraft => ({
  key: nextKey++,
  name: f.name,
  type: f.type,
  required: f.required,
  label: textDraft(f.label),
  help: textDraft(f.help),
  options: f.options.map((o) => ({ value: o.value, label: textDraft(o.label) })),
});
const blankField = (): FieldDraft => ({
  key: nextKey++,
  name: '',
  type: 'text',
  required: false,
  label: textDraft(),
  help: textDraft(),
  options: [],
});

export function ServiceFormDialog({
  serviceId,
  serviceName,
  onClose,
  onSaved,
}: {
  serviceId: string;
  serviceName: string;
  onClose: () => void;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations('admin');
  const fail = useFailure();
  const [fields, setFields] = useState<FieldDraft[] | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);

  useLoad(
    useCallback(async () => {
      try {
        const form = await call(api.serviceForm, { params: { id: serviceId } });
        setFields(form.fields.map(toDraft));
        setVersion(form.version);
      } catch (err) {
        fail(err, setNotice);
      }
    }, [serviceId, fail]),
  );

  const change = (i: number, patch: Partial<FieldDraft>) =>
    setFields((cur) => cur && cur.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: number) =>
    setFields((cur) => {
      if (!cur || i + by < 0 || i + by >= cur.length) return cur;
      const next = [...cur];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!fields || busy) return;
    setBusy(true);
    setIssues(new Map());
    try {
      const saved = await call(api.saveServiceForm, {
        params: { id: serviceId },
        body: {
          fields: fields.map((f) => ({
            name: f.name.trim(),
            type: f.type,
            required: f.required,
            label: fromDraft(f.label),
            help: fromOptionalDraft(f.help),
            options: f.type === 'choice' ? f.options.map((o) => ({ value: o.value.trim(), label: fromDraft(o.label) })) : [],
          })),
        },
      });
      onSaved(saved.version);
    } catch (err) {
      fail(err, setNotice, setIssues);
    } finally {
      setBusy(false);
    }
  }

  const invalid = (path: string) => (issues.has(path) ? t('config.fieldInvalid') : null);

  return (
    <Dialog title={t('config.forms.title', { service: serviceName })} onClose={onClose} testId="service-form-dialog" wide>
      <form className={styles.dialogForm} onSubmit={save}>
        <p className={styles.muted}>{t('config.forms.intro', { version })}</p>
        <NoticeBox notice={notice} testId="service-form-notice" />
        {fields?.map((f, i) => (
          <fieldset key={f.key} className={styles.fieldset} data-testid={`form-field-${i}`} data-form-field="">
            <legend className={styles.fieldLabel}>{t('config.forms.field', { n: i + 1 })}</legend>
            <div className={styles.formRow}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.forms.name')}</span>
                <input
                  className={styles.input}
                  required
                  pattern="[a-z][a-z0-9_]{0,39}"
                  value={f.name}
                  onChange={(e) => change(i, { name: e.target.value })}
                  aria-invalid={invalid(`fields.${i}.name`) ? true : undefined}
                  data-testid={`form-field-${i}-name`}
                />
                {invalid(`fields.${i}.name`) ? <span className={styles.fieldError}>{invalid(`fields.${i}.name`)}</span> : null}
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('config.forms.type')}</span>
                <select
                  className={styles.select}
                  value={f.type}
                  onChange={(e) => {
                    const type = e.target.value as FormFieldType;
                    change(i, {
                      type,
                      options: type === 'choice' && f.options.length === 0 ? [{ value: '', label: textDraft() }] : f.options,
                    });
                  }}
                  data-testid={`form-field-${i}-type`}
                >
                  {formFieldTypeSchema.options.map((ty) => (
                    <option key={ty} value={ty}>
                      {t(`config.forms.types.${ty}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className={styles.check}>
                <input type="checkbox" checked={f.required} onChange={(e) => change(i, { required: e.target.checked })} />
                {t('config.forms.required')}
              </label>
            </div>
            <LocalizedTextField
              label={t('config.forms.label')}
              value={f.label}
              onChange={(v) => change(i, { label: v })}
              maxLength={200}
              errors={languageErrors(issues, `fields.${i}.label`, t('config.fieldInvalid'))}
              testId={`form-field-${i}-label`}
            />
            <LocalizedTextField
              label={t('config.forms.help')}
              value={f.help}
              onChange={(v) => change(i, { help: v })}
              required={false}
              maxLength={400}
              testId={`form-field-${i}-help`}
            />
            {f.type === 'choice' ? (
              <div className={styles.dialogForm}>
                <span className={styles.fieldLabel}>{t('config.forms.options')}</span>
                {invalid(`fields.${i}.options`) ? (
                  <span className={styles.fieldError}>{invalid(`fields.${i}.options`)}</span>
                ) : null}
                {f.options.map((o, k) => (
                  <div key={k} className={styles.formRow}>
                    <label className={styles.field}>
                      <span className={styles.fieldLabel}>{t('config.forms.optionValue')}</span>
                      <input
                        className={styles.input}
                        required
                        value={o.value}
                        onChange={(e) =>
                          change(i, { options: f.options.map((x, m) => (m === k ? { ...x, value: e.target.value } : x)) })
                        }
                        data-testid={`form-field-${i}-option-${k}-value`}
                      />
                    </label>
                    <LocalizedTextField
                      label={t('config.forms.optionLabel')}
                      value={o.label}
                      onChange={(v) => change(i, { options: f.options.map((x, m) => (m === k ? { ...x, label: v } : x)) })}
                      maxLength={200}
                      errors={languageErrors(issues, `fields.${i}.options.${k}.label`, t('config.fieldInvalid'))}
                      testId={`form-field-${i}-option-${k}-label`}
                    />
                    <button
                      type="button"
                      className={styles.buttonSmall}
                      onClick={() => change(i, { options: f.options.filter((_, m) => m !== k) })}
                    >
                      {t('config.forms.removeOption')}
                    </button>
                  </div>
                ))}
                <button
                  type="button"
                  className={styles.buttonSmall}
                  onClick={() => change(i, { options: [...f.options, { value: '', label: textDraft() }] })}
                >
                  {t('config.forms.addOption')}
                </button>
              </div>
            ) : null}
            <div className={styles.actionsCell}>
              <button type="button" className={styles.buttonSmall} onClick={() => move(i, -1)} disabled={i === 0}>
                {t('config.forms.up')}
              </button>
              <button type="button" className={styles.buttonSmall} onClick={() => move(i, 1)} disabled={i === fields.length - 1}>
                {t('config.forms.down')}
              </button>
              <button
                type="button"
                className={styles.buttonSmall}
                onClick={() => setFields((cur) => cur && cur.filter((_, j) => j !== i))}
                data-testid={`form-field-${i}-remove`}
              >
                {t('config.forms.remove')}
              </button>
            </div>
          </fieldset>
        ))}
        {fields ? (
          <button
            type="button"
            className={styles.buttonSecondary}
            onClick={() => setFields((cur) => [...(cur ?? []), blankField()])}
            data-testid="form-field-add"
          >
            {t('config.forms.add')}
          </button>
        ) : null}
        <DialogActions onCancel={onClose} submitTestId="service-form-save" disabled={!fields || busy} />
      </form>
    </Dialog>
  );
}
