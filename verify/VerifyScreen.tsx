'use client';
/**
 * `/verify/<code>`: anyone holding a printout (or the PDF) checks that the office issued it: when,
 * by which office, under which protocol number, and its SHA-256 — nothing about the person, which
 * the paper itself shows. The code comes from the QR code or is typed from the paper; a file can be
 * compared with the fingerprint here, in the browser (nothing is uploaded).
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../contract/api';
import { formatVerificationCode, verificationCodeSchema, type DocumentVerification } from '../contract/certificates';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call } from '../ui/http';
import { useLoad } from '../ui/useLoad';
import { PortalShell } from '../portal/PortalShell';
import portal from '../portal/portal.module.css';
import styles from './verify.module.css';

export function VerifyScreen({ code, initialLang }: { code: string | null; initialLang: LanguageCode }) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  return (
    <IntlClient lang={lang}>
      <Verify code={code} lang={lang} onLanguage={setLang} />
    </IntlClient>
  );
}

type State =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'found'; doc: DocumentVerification } | { kind: 'missing' } | { kind: 'error' };

function Verify({ code, lang, onLanguage }: { code: string | null; lang: LanguageCode; onLanguage: (l: LanguageCode) => void }) {
  const t = useTranslations('verify');
  const [state, setState] = useState<State>(code ? { kind: 'loading' } : { kind: 'idle' });
  const load = useCallback(async () => {
    if (!code) return;
    try {
      setState({ kind: 'found', doc: await call(api.verifyDocument, { params: { code } }) });
    } catch (e) {
      // A malformed code (400) cannot exist either.
      setState(e instanceof ApiError && (e.status === 404 || e.status === 400) ? { kind: 'missing' } : { kind: 'error' });
    }
  }, [code]);
  useLoad(load);

  return (
    <PortalShell lang={lang} onLanguage={onLanguage} title={t('pageTitle')} testId="verify-page">
      <h1 className={portal.h1}>{t('heading')}</h1>
      {state.kind === 'loading' ? (
        <p className={portal.muted} role="status">
          {t('loading')}
        </p>
      ) : null}
      {state.kind === 'found' ? <Found doc={state.doc} /> : null}
      {state.kind === 'missing' || state.kind === 'error' ? (
        <section className={styles.invalid} data-testid="verify-missing" aria-labelledby="verify-missing-title">
          <h2 id="verify-missing-title" className={portal.sectionTitle}>
            {state.kind === 'missing' ? t('notFoundTitle') : t('errorTitle')}
          </h2>
          <p role="alert">{state.kind === 'missing' ? t('notFound') : t('error')}</p>
        </section>
      ) : null}
      {state.kind !== 'found' && state.kind !== 'loading' ? <CodeForm lang={lang} initial={code ?? ''} /> : null}
      <p className={portal.hint}>{t('privacy')}</p>
    </PortalShell>
  );
}

function Found({ doc }: { doc: DocumentVerification }) {
  const t = useTranslations('verify');
  const format = useFormatter();
  return (
    <>
      <article className={styles.valid} aria-labelledby="verify-valid-title" data-testid="verify-valid">
        <h2 id="verify-valid-title" className={styles.validTitle}>
          <span aria-hidden="true" className={styles.tick}>
            ✓
          </span>{' '}
          {t('validTitle')}
        </h2>
        <p>{doc.kind === 'certificate' ? t('validCertificate') : t('validFile')}</p>
        <dl className={styles.facts}>
          <div className={styles.fact}>
            <dt>{t('code')}</dt>
            <dd dir="ltr" className={styles.mono} data-testid="verify-code">
              {formatVerificationCode(doc.verificationCode)}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('issuedAt')}</dt>
            <dd data-testid="verify-issued">
              {format.dateTime(new Date(doc.issuedAt), { dateStyle: 'long', timeStyle: 'short' })}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('office')}</dt>
            <dd>
              <span lang="it">{doc.office.name}</span>
              <br />
              <span className={portal.hint} lang="it">
                {doc.office.address}
              </span>
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('protocol')}</dt>
            <dd dir="ltr" className={styles.mono} data-testid="verify-protocol">
              {doc.protocolNumber}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('size')}</dt>
            <dd>{format.number(doc.size)}</dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('sha256')}</dt>
            <dd dir="ltr" className={`${styles.mono} ${styles.hash}`} data-testid="verify-sha256">
              {doc.sha256}
            </dd>
          </div>
        </dl>
      </article>
      <CompareFile sha256={doc.sha256} />
    </>
  );
}

async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The file someone received, hashed in the browser and compared with the office's fingerprint. */
function CompareFile({ sha256 }: { sha256: string }) {
  const t = useTranslations('verify');
  const [result, setResult] = useState<{ name: string; same: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // crypto.subtle exists only on secure pages (https, localhost).
  if (typeof window !== 'undefined' && !window.crypto?.subtle) return null;
  return (
    <section className={portal.section} aria-labelledby="verify-compare-title">
      <h2 id="verify-compare-title" className={portal.sectionTitle}>
        {t('compareTitle')}
      </h2>
      <p id="verify-compare-help" className={portal.hint}>
        {t('compareHelp')}
      </p>
      <input
        id="verify-compare-file"
        type="file"
        className={portal.fileInput}
        aria-labelledby="verify-compare-title verify-compare-button"
        aria-describedby="verify-compare-help"
        disabled={busy}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          try {
            setResult({ name: file.name, same: (await sha256Of(file)) === sha256 });
          } finally {
            setBusy(false);
          }
        }}
        data-testid="verify-compare-file"
      />
      <label id="verify-compare-button" htmlFor="verify-compare-file" className={portal.fileButton}>
        {t('compareChoose')}
      </label>
      {result ? (
        <p
          className={result.same ? portal.okBox : portal.errorBox}
          role={result.same ? 'status' : 'alert'}
          data-testid="verify-compare-result"
          data-same={result.same}
        >
          {result.same ? t('compareSame', { name: result.name }) : t('compareDifferent', { name: result.name })}
        </p>
      ) : null}
    </section>
  );
}

/** Typing the code printed on the paper (case and dashes do not matter). */
function CodeForm({ lang, initial }: { lang: LanguageCode; initial: string }) {
  const t = useTranslations('verify');
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = verificationCodeSchema.safeParse(value);
    if (!parsed.success) return setInvalid(true);
    window.location.assign(`/verify/${parsed.data}?lang=${lang}`);
  };
  return (
    <form className={portal.form} onSubmit={submit} noValidate data-testid="verify-form">
      <div className={portal.field}>
        <label htmlFor="verify-input" className={portal.label}>
          {t('enterCode')}
        </label>
        <input
          id="verify-input"
          className={portal.input}
          dir="ltr"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'verify-input-error' : undefined}
          onChange={(e) => (setValue(e.target.value.toUpperCase()), setInvalid(false))}
          data-testid="verify-input"
        />
        {invalid ? (
          <p id="verify-input-error" className={portal.fieldError}>
            {t('codeInvalid')}
          </p>
        ) : null}
      </div>
      <button type="submit" className={portal.primary} data-testid="verify-submit">
        {t('check')}
      </button>
    </form>
  );
}
