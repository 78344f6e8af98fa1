'use client';
/**
 * The clerk opens a procedure ("pratica") for the citizen at the counter: who (fiscal code and/or
 * e-mail; a valid fiscal code shows that citizen's procedures still open), which online service,
 * its form, scanned documents; then the protocol number and the tracking code with its QR code to
 * show (the receipt also goes by e-mail when there is an address). The citizen follows it online.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import type { Answer } from '../contract/endpoint';
import { isValidFiscalCode, normalizeFiscalCode } from '../contract/fiscal-code';
import { CLOSED_STATUSES } from '../contract/procedure-moves';
import { textIn } from '../contract/lang';
import type { LanguageCode } from '../i18n/languages';
import { AttachmentPicker, type UploadedAttachment } from '../portal/Attachments';
import { dataOf } from '../portal/form-data';
import { FormFieldInput, type FieldValue } from '../portal/FormFieldInput';
import { call, fieldIssues } from '../ui/http';
import { Dialog } from '../ui/staff/Dialog';
import { errorNotice } from './errors';
import styles from './counter.module.css';
import local from './appointments.module.css';

type Opened = Answer<typeof api.openProcedureAtDesk>;
type Services = Answer<typeof api.portalServices>;
type Procedures = Answer<typeof api.procedures>;

export function ProcedureDialog({
  lang,
  officeId,
  onClose,
  onOpened,
}: {
  lang: LanguageCode;
  officeId: string;
  onClose: () => void;
  onOpened: (p: Opened) => void;
}) {
  const t = useTranslations('counter.procedure');
  const tc = useTranslations('counter');
  const tp = useTranslations('citizenPortal');
  const [services, setServices] = useState<Services | null>(null);
  const [who, setWho] = useState({ fiscalCode: '', email: '', name: '' });
  const [serviceId, setServiceId] = useState('');
  const [data, setData] = useState<Record<string, FieldValue>>({});
  const [files, setFiles] = useState<UploadedAttachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [found, setFound] = useState<{ fiscalCode: string; open: Procedures } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);

  useEffect(() => {
    call(api.portalServices)
      .then((all) => setServices(all.filter((s) => s.officeId === officeId)))
      .catch(() => setError(t('loadFailed')));
  }, [officeId, t]);

  // A complete, valid fiscal code: that citizen's procedures still open, so none is opened twice.
  const fiscalCode = isValidFiscalCode(who.fiscalCode) ? normalizeFiscalCode(who.fiscalCode) : null;
  useEffect(() => {
    if (!fiscalCode) return;
    call(api.procedures, { query: { fiscalCode } })
      .then((list) => setFound({ fiscalCode, open: list.filter((p) => !CLOSED_STATUSES.includes(p.status)) }))
      .catch(() => undefined);
  }, [fiscalCode]);
  // Only the answer for the code now typed (an older one may arrive late).
  const theirs = found && found.fiscalCode === fiscalCode ? found.open : null;

  const service = useMemo(() => services?.find((s) => s.id === serviceId) ?? null, [services, serviceId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || uploading || !service) return;
    if (!who.fiscalCode.trim() && !who.email.trim()) return setError(t('needWho'));
    if (who.fiscalCode.trim() && !fiscalCode) return setError(t('badFiscalCode'));
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const p = await call(api.openProcedureAtDesk, {
        body: {
          serviceId: service.id,
          citizen: {
            ...(fiscalCode ? { fiscalCode } : {}),
            ...(who.email.trim() ? { email: who.email.trim() } : {}),
            ...(who.name.trim() ? { name: who.name.trim() } : {}),
          },
          data: dataOf(service.form.fields, data),
          attachmentIds: files.map((f) => f.attachmentId),
        },
      });
      setOpened(p);
      onOpened(p);
    } catch (err) {
      // The server names each invalid field as `data.<name>`: shown under that field.
      const fields: Record<string, string> = {};
      for (const [path] of fieldIssues(err)) {
        const name = path.startsWith('data.') ? path.slice(5).split('.')[0] : null;
        if (name && service.form.fields.some((f) => f.name === name)) fields[name] = tp('form.fieldInvalid');
      }
      setFieldErrors(fields);
      const n = errorNotice(err);
      setError(Object.keys(fields).length ? t('checkFields') : tc(n.key, n.values));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('title')} onClose={onClose} testId="counter-procedure-dialog" wide>
      {opened ? (
        <div className={styles.dialogForm}>
          <div className={local.booked_result} role="status" data-testid="counter-procedure-done">
            <div>
              <p>{t('opened', { protocol: opened.protocolNumber })}</p>
              <p className={local.code} data-testid="counter-procedure-tracking">
                {opened.trackingCode}
              </p>
              <p className={styles.muted}>
                {opened.citizen.email ? t('mailed', { email: opened.citizen.email }) : t('tellCode')}
              </p>
            </div>
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG the API renders: nothing for next/image to optimise */}
            <img
              src={`/api/procedures/track/${opened.trackingCode}/qr.svg`}
              alt={t('qrAlt')}
              className={local.qr}
              width={160}
              height={160}
              data-testid="counter-procedure-qr"
            />
          </div>
          <div className={styles.dialogButtons}>
            <button type="button" className={styles.buttonPrimary} onClick={onClose} data-testid="counter-procedure-close">
              {t('close')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className={styles.dialogForm} noValidate>
          <p className={styles.muted}>{t('intro')}</p>
          <div className={local.row}>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('fiscalCode')}</span>
              <input
                className={styles.input}
                value={who.fiscalCode}
                maxLength={20}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setWho({ ...who, fiscalCode: e.target.value.toUpperCase() })}
                data-testid="counter-procedure-fiscal-code"
                autoFocus
              />
            </label>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('email')}</span>
              <input
                className={styles.input}
                type="email"
                value={who.email}
                maxLength={200}
                onChange={(e) => setWho({ ...who, email: e.target.value })}
                data-testid="counter-procedure-email"
              />
            </label>
          </div>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t('name')}</span>
            <input
              className={styles.input}
              value={who.name}
              maxLength={120}
              onChange={(e) => setWho({ ...who, name: e.target.value })}
              data-testid="counter-procedure-name"
            />
          </label>
          {theirs ? (
            <section aria-label={t('openOnes')} data-testid="counter-procedure-theirs">
              <p className={styles.fieldLabel}>{t('openOnes')}</p>
              {theirs.length === 0 ? (
                <p className={styles.muted}>{t('noneOpen')}</p>
              ) : (
                <ul>
                  {theirs.map((p) => (
                    <li key={p.id}>
                      <a href={`/counter/pratiche?p=${p.id}`} target="_blank" rel="noreferrer">
                        {p.protocolNumber}
                      </a>{' '}
                      · {textIn(p.service.name, lang)} · {tp(`status.${p.status}`)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t('service')}</span>
            <select
              className={styles.select}
              value={serviceId}
              onChange={(e) => {
                setServiceId(e.target.value);
                setData({});
                setFieldErrors({});
              }}
              data-testid="counter-procedure-service"
            >
              <option value="">{t('chooseService')}</option>
              {services?.map((s) => (
                <option key={s.id} value={s.id}>
                  {textIn(s.name, lang)}
                </option>
              ))}
            </select>
          </label>
          {service ? (
            <fieldset className={styles.fieldsetPlain}>
              <legend className={styles.fieldLabel}>{t('data')}</legend>
              {service.form.fields.map((f) => (
                <FormFieldInput
                  key={f.name}
                  field={f}
                  lang={lang}
                  value={data[f.name] ?? (f.type === 'checkbox' ? false : '')}
                  error={fieldErrors[f.name]}
                  onChange={(v) => setData({ ...data, [f.name]: v })}
                />
              ))}
              <p className={styles.fieldLabel}>{t('documents')}</p>
              <AttachmentPicker id="counter-procedure-files" files={files} onChange={setFiles} onBusy={setUploading} />
            </fieldset>
          ) : null}
          {error ? (
            <p className={styles.inlineError} role="alert" data-testid="counter-procedure-error">
              {error}
            </p>
          ) : null}
          <div className={styles.dialogButtons}>
            <button type="button" className={styles.buttonSecondary} onClick={onClose}>
              {tc('cancel')}
            </button>
            <button
              type="submit"
              className={styles.buttonPrimary}
              disabled={busy || uploading || !service}
              data-testid="counter-procedure-submit"
            >
              {t('submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
