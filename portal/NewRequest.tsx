'use client';
/**
 * A new online request: pick a service (those needing SPID/CIE shown greyed while no provider is
 * configured, or with a link to sign in with SPID/CIE when the citizen signed in by e-mail code),
 * fill its form (rendered from the service's form definition), send it; the answer is the
 * protocol number and the tracking link.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import type { Answer } from '../contract/endpoint';
import { isValidFiscalCode } from '../contract/fiscal-code';
import type { FormField } from '../contract/forms';
import { textIn } from '../contract/lang';
import type { ProcedureView } from '../contract/portal';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call, fieldIssues } from '../ui/http';
import { dataOf } from './form-data';
import { useLoad } from '../ui/useLoad';
import { AttachmentPicker, type UploadedAttachment } from './Attachments';
import { portalError, type PortalError } from './errors';
import { FormFieldInput, type FieldValue } from './FormFieldInput';
import { emptyStampDuty, StampDutyInput, stampDutyOf, type StampDutyValue } from './StampDutyInput';
import { linkTo } from './nav';
import type { PortalView } from './PortalApp';
import { oidcStartUrl } from './SignIn';
import styles from './portal.module.css';

type Service = Answer<typeof api.portalServices>[number];

export function NewRequest({
  serviceId,
  lang,
  strong,
  go,
  onSessionEnded,
}: {
  serviceId: string | null;
  lang: LanguageCode;
  /** The citizen signed in with SPID/CIE (so `strong` services are theirs to request). */
  strong: boolean;
  go: (v: PortalView) => void;
  onSessionEnded: () => void;
}) {
  const t = useTranslations('citizenPortal');
  const [services, setServices] = useState<Service[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [done, setDone] = useState<ProcedureView | null>(null);
  const load = useCallback(async () => {
    try {
      setServices(await call(api.portalServices));
    } catch {
      setFailed(true);
    }
  }, []);
  useLoad(load);

  const back = (to: PortalView, label: string) => (
    <a className={styles.back} {...linkTo(to, go, lang)} data-testid="portal-back">
      <span aria-hidden="true" className={styles.backArrow}>
        ←
      </span>{' '}
      {label}
    </a>
  );

  if (done) return <Submitted procedure={done} lang={lang} go={go} />;
  if (failed)
    return (
      <div className={styles.flow}>
        <p className={styles.errorBox} role="alert">
          {t('errors.network')}
        </p>
        {back({ kind: 'list' }, t('home.mine'))}
      </div>
    );
  if (!services)
    return (
      <p className={styles.muted} role="status">
        {t('loading')}
      </p>
    );

  /** Requestable by this citizen now: offered, and a `strong` one only after a SPID/CIE sign-in. */
  const open = (s: Service) => s.available && (s.identity !== 'strong' || strong);
  const service = serviceId ? services.find((s) => s.id === serviceId && open(s)) : undefined;
  if (service)
    return (
      <div className={styles.flow}>
        {back({ kind: 'new', serviceId: null }, t('new.otherService'))}
        <RequestForm service={service} lang={lang} onDone={setDone} onSessionEnded={onSessionEnded} />
      </div>
    );

  const sorted = [...services].sort(
    (a, b) =>
      Number(open(b)) - Number(open(a)) ||
      Number(b.available) - Number(a.available) ||
      textIn(a.name, lang).localeCompare(textIn(b.name, lang), lang),
  );
  return (
    <div className={styles.flow}>
      {back({ kind: 'list' }, t('home.mine'))}
      <section aria-labelledby="portal-new-title" className={styles.section} data-testid="portal-services">
        <h2 id="portal-new-title" className={styles.stepTitle}>
          {t('new.title')}
        </h2>
        <p className={styles.lead}>{t('new.lead')}</p>
        <ul className={styles.cards}>
          {sorted.map((s) =>
            open(s) ? (
              <li key={s.id}>
                <a
                  className={styles.choice}
                  {...linkTo({ kind: 'new', serviceId: s.id }, go, lang)}
                  data-testid={`portal-service-${s.id}`}
                >
                  <span className={styles.choiceName}>{textIn(s.name, lang)}</span>
                  <span className={styles.choiceMeta}>{t('new.deadline', { days: s.legalDeadlineDays })}</span>
                </a>
              </li>
            ) : s.available ? (
              <li key={s.id}>
                <a
                  className={styles.choice}
                  href={oidcStartUrl(lang, s.id)}
                  data-testid={`portal-service-${s.id}`}
                  data-needs="strong"
                >
                  <span className={styles.choiceName}>{textIn(s.name, lang)}</span>
                  <span className={styles.choiceMeta}>{t('new.strongSignIn')}</span>
                </a>
              </li>
            ) : (
              <li key={s.id}>
                <div className={styles.choiceOff} aria-disabled="true" data-testid={`portal-service-${s.id}`}>
                  <span className={styles.choiceName}>{textIn(s.name, lang)}</span>
                  <span className={styles.choiceMeta}>{t('new.strong')}</span>
                </div>
              </li>
            ),
          )}
        </ul>
      </section>
    </div>
  );
}

function initialValues(fields: FormField[]): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((f) => [f.name, f.type === 'checkbox' ? false : '']));
}

/** The stamp duty's key among the form's errors (no form field can be named so: names are lower case). */
const STAMP = 'STAMP_DUTY';

function RequestForm({
  service,
  lang,
  onDone,
  onSessionEnded,
}: {
  service: Service;
  lang: LanguageCode;
  onDone: (p: ProcedureView) => void;
  onSessionEnded: () => void;
}) {
  const t = useTranslations('citizenPortal');
  const fields = service.form.fields;
  const [values, setValues] = useState<Record<string, FieldValue>>(() => initialValues(fields));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [files, setFiles] = useState<UploadedAttachment[]>([]);
  const [stamp, setStamp] = useState<StampDutyValue>(emptyStampDuty);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<PortalError | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (error || errors.size) summaryRef.current?.focus();
  }, [error, errors]);

  /** A required field left empty, or a fiscal code with a wrong check character, is said at once (the server checks all again). */
  function missing(): Map<string, string> {
    const m = new Map<string, string>();
    for (const f of fields) {
      const v = values[f.name];
      if (f.required && (v === '' || (typeof v === 'string' && v.trim() === '') || (f.type === 'checkbox' && v !== true)))
        m.set(f.name, t('form.fieldRequired'));
      else if (f.type === 'fiscal_code' && typeof v === 'string' && v.trim() !== '' && !isValidFiscalCode(v))
        m.set(f.name, t('form.fiscalCodeInvalid'));
    }
    if (service.certificate) {
      const s = stampDutyOf(stamp);
      if ('error' in s) m.set(STAMP, t(s.error));
    }
    return m;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const local = missing();
    if (local.size) {
      setErrors(local);
      return;
    }
    setErrors(new Map());
    setBusy(true);
    const stampDuty = service.certificate ? stampDutyOf(stamp) : null;
    try {
      onDone(
        await call(api.submitProcedure, {
          body: {
            serviceId: service.id,
            data: dataOf(fields, values),
            attachmentIds: files.map((f) => f.attachmentId),
            ...(stampDuty && 'ok' in stampDuty ? { stampDuty: stampDuty.ok } : {}),
          },
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onSessionEnded();
      // The server names each invalid field as `data.<name>`: shown under that field.
      const byField = new Map<string, string>();
      for (const [path] of fieldIssues(err)) {
        const name = path.startsWith('data.') ? path.slice(5).split('.')[0] : null;
        if (name && fields.some((f) => f.name === name)) byField.set(name, t('form.fieldInvalid'));
        if (path.startsWith('stampDuty')) byField.set(STAMP, t('form.fieldInvalid'));
      }
      if (byField.size) setErrors(byField);
      else setError(portalError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="portal-form-title" className={styles.section} data-testid="portal-form">
      <h2 id="portal-form-title" className={styles.stepTitle}>
        {textIn(service.name, lang)}
      </h2>
      <p className={styles.lead}>
        {fields.length
          ? t('form.lead', { days: service.legalDeadlineDays })
          : t('form.noFields', { days: service.legalDeadlineDays })}
      </p>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        {errors.size || error ? (
          <p ref={summaryRef} tabIndex={-1} className={styles.errorBox} role="alert" data-testid="portal-form-error">
            {error ? t(error.key, error.values) : t('form.fixFields', { count: errors.size })}
          </p>
        ) : null}
        {fields.map((f) => (
          <FormFieldInput
            key={f.name}
            field={f}
            lang={lang}
            value={values[f.name]}
            error={errors.get(f.name)}
            onChange={(v) => {
              setValues((old) => ({ ...old, [f.name]: v }));
              setErrors((old) => {
                if (!old.has(f.name)) return old;
                const next = new Map(old);
                next.delete(f.name);
                return next;
              });
            }}
          />
        ))}
        {service.certificate ? (
          <StampDutyInput
            value={stamp}
            error={errors.get(STAMP)}
            onChange={(v) => {
              setStamp(v);
              setErrors((old) => {
                if (!old.has(STAMP)) return old;
                const next = new Map(old);
                next.delete(STAMP);
                return next;
              });
            }}
          />
        ) : null}
        <AttachmentPicker id="portal-form-files" files={files} onChange={setFiles} onBusy={setUploading} />
        <div className={styles.stickyActions}>
          <button type="submit" className={styles.primary} disabled={busy || uploading} data-testid="portal-submit">
            {t('form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Submitted({ procedure: p, lang, go }: { procedure: ProcedureView; lang: LanguageCode; go: (v: PortalView) => void }) {
  const t = useTranslations('citizenPortal');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const path = `/portale/track/${p.trackingCode}`;
  return (
    <section className={styles.doneCard} aria-labelledby="portal-done-title" data-testid="portal-done">
      <h2 id="portal-done-title" ref={ref} tabIndex={-1} className={styles.stepTitle}>
        {t('done.title')}
      </h2>
      <p className={styles.serviceLine}>{textIn(p.service.name, lang)}</p>
      <div className={styles.codeBox}>
        <span className={styles.codeLabel}>{t('done.protocol')}</span>
        <span className={styles.code} dir="ltr" data-testid="portal-done-protocol">
          {p.protocolNumber}
        </span>
      </div>
      <p>{t('done.lead', { days: p.clock.deadlineDays })}</p>
      <p className={styles.hint}>{t('done.email')}</p>
      <a className={styles.primary} href={`${path}?lang=${lang}`} data-testid="portal-done-track">
        {t('done.track')}
      </a>
      <a className={styles.secondary} {...linkTo({ kind: 'detail', id: p.id }, go, lang)} data-testid="portal-done-open">
        {t('done.open')}
      </a>
      <a className={styles.back} {...linkTo({ kind: 'list' }, go, lang)}>
        <span aria-hidden="true" className={styles.backArrow}>
          ←
        </span>{' '}
        {t('home.mine')}
      </a>
    </section>
  );
}
