'use client';
/**
 * Sign-in: with SPID or CIE through the town's OpenID provider when one is configured (a link to
 * /api/citizen/oidc/start, which comes back to /portale), and by a one-time code (the address,
 * then the 6 digits e-mailed to it) always.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import type { CitizenInfo } from '../contract/portal';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call } from '../ui/http';
import { TextField } from '../book/TextField';
import { portalError, type PortalError } from './errors';
import styles from './portal.module.css';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where the SPID/CIE sign-in starts; the provider is told the page's language; after it, the service's form opens. */
export const oidcStartUrl = (lang: LanguageCode, serviceId?: string) =>
  `/api/citizen/oidc/start?lang=${lang}${serviceId ? `&service=${encodeURIComponent(serviceId)}` : ''}`;

export function SignIn({
  lang,
  oidc,
  failure,
  onSignedIn,
}: {
  lang: LanguageCode;
  /** An OpenID provider (SPID/CIE) is configured. */
  oidc: boolean;
  /** Why the last SPID/CIE sign-in failed (the callback's `signinError`), to say it once. */
  failure: PortalError | null;
  onSignedIn: (c: CitizenInfo) => void;
}) {
  const t = useTranslations('citizenPortal');
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [minutes, setMinutes] = useState(10);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<PortalError | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // Focus moves to the new step's heading, not on the first render (the page just opened).
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  async function sendCode(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!EMAIL.test(email.trim())) {
      setFieldError(t('signIn.emailInvalid'));
      return;
    }
    setBusy(true);
    setFieldError(null);
    setError(null);
    try {
      const sent = await call(api.citizenLogin, { body: { email: email.trim(), lang } });
      setMinutes(sent.expiresInMinutes);
      setCode('');
      setStep('code');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.code !== 'too_many_codes') setFieldError(t('signIn.emailInvalid'));
      else setError(portalError(err));
    } finally {
      setBusy(false);
    }
  }

  async function verify(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setFieldError(t('signIn.codeFormat'));
      return;
    }
    setBusy(true);
    setFieldError(null);
    setError(null);
    try {
      onSignedIn(await call(api.citizenLoginVerify, { body: { email: email.trim(), code: digits, lang } }));
    } catch (err) {
      setError(portalError(err));
    } finally {
      setBusy(false);
    }
  }

  const spent =
    error?.key === 'errors.too_many_attempts' || (error?.key === 'errors.code_invalid' && error.values?.attemptsLeft === 0);

  return (
    <section className={styles.flow} aria-labelledby="portal-signin-title" data-testid="portal-signin" data-step={step}>
      <h2 id="portal-signin-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
        {step === 'email' ? t('signIn.title') : t('signIn.codeTitle')}
      </h2>
      {failure && step === 'email' ? (
        <p className={styles.errorBox} role="alert" data-testid="portal-oidc-error" data-error={failure.key}>
          {t(failure.key, failure.values)}
        </p>
      ) : null}
      {oidc && step === 'email' ? (
        <div className={styles.form} data-testid="portal-oidc">
          <p className={styles.lead}>{t('signIn.oidcLead')}</p>
          <a className={styles.primary} href={oidcStartUrl(lang)} data-testid="portal-oidc-start">
            {t('signIn.oidc')}
          </a>
          <h3 className={styles.orTitle}>{t('signIn.orEmail')}</h3>
        </div>
      ) : null}
      {step === 'email' ? (
        <form className={styles.form} onSubmit={(e) => void sendCode(e)} noValidate>
          <p className={styles.lead}>{oidc ? t('signIn.leadWithOidc') : t('signIn.lead')}</p>
          <TextField
            id="portal-email"
            label={t('signIn.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            dir="ltr"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError ?? undefined}
            aria-required
          />
          {error ? (
            <p className={styles.errorBox} role="alert" data-testid="portal-signin-error">
              {t(error.key, error.values)}
            </p>
          ) : null}
          <button
            type="submit"
            className={oidc ? styles.secondary : styles.primary}
            disabled={busy}
            data-testid="portal-send-code"
          >
            {t('signIn.send')}
          </button>
          {oidc ? null : <p className={styles.hint}>{t('signIn.strongLater')}</p>}
        </form>
      ) : (
        <form className={styles.form} onSubmit={(e) => void verify(e)} noValidate>
          <p className={styles.okBox} role="status" data-testid="portal-code-sent">
            {t('signIn.sent', { email: email.trim(), minutes })}
          </p>
          <TextField
            id="portal-code"
            label={t('signIn.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            dir="ltr"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError ?? undefined}
            aria-required
          />
          <p className={styles.hint}>{t('signIn.codeHint')}</p>
          {error ? (
            <p className={styles.errorBox} role="alert" data-testid="portal-signin-error" data-error={error.key}>
              {t(error.key, error.values)}
            </p>
          ) : null}
          <button type="submit" className={styles.primary} disabled={busy || spent} data-testid="portal-verify">
            {t('signIn.verify')}
          </button>
          <button
            type="button"
            className={styles.secondary}
            disabled={busy}
            onClick={() => void sendCode()}
            data-testid="portal-resend"
          >
            {t('signIn.resend')}
          </button>
          <button
            type="button"
            className={styles.back}
            onClick={() => {
              setStep('email');
              setError(null);
              setFieldError(null);
            }}
          >
            <span aria-hidden="true" className={styles.backArrow}>
              ←
            </span>{' '}
            {t('signIn.otherEmail')}
          </button>
        </form>
      )}
    </section>
  );
}
