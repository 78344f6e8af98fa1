'use client';
import { api } from '../../contract/api';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { ApiError, call } from '../http';
import local from './password-form.module.css';
import styles from './staff.module.css';

/** Server refusals with their own text under staffPassword.errors. */
const KNOWN = new Set([
  'password_too_short',
  'password_is_username',
  'password_unchanged',
  'wrong_current_password',
  'login_throttled',
  'network',
  'unauthorized',
]);

/**
 * A staff member changes their own password (POST /api/auth/password), on the counter and the
 * supervision screens alike: in a dialog from the top bar, or (`forced`) as the only thing a
 * login with an admin-chosen password may do. The rules are shown before typing and checked by
 * the server; a refusal is shown under the fields.
 */
export function PasswordChangeForm({
  forced,
  onDone,
  onCancel,
}: {
  forced: boolean;
  onDone: () => void | Promise<void>;
  onCancel?: () => void;
}) {
  const t = useTranslations('staffPassword');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!current || !next || !repeat) return setError('missing');
    if (next !== repeat) return setError('mismatch');
    setBusy(true);
    setError(null);
    try {
      await call(api.changePassword, { body: { currentPassword: current, newPassword: next } });
      await onDone();
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'generic';
      setError(KNOWN.has(code) ? code : 'generic');
      setCurrent('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={local.form} onSubmit={submit} noValidate data-testid="password-form">
      {forced && <p className={styles.muted}>{t('forcedIntro')}</p>}
      <p className={styles.muted} id="password-rules">
        {t('rules')}
      </p>
      <label className={styles.field}>
        <span className={styles.fieldLabel}>{t('current')}</span>
        <input
          className={styles.input}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          data-testid="password-current"
        />
      </label>
      <label className={styles.field}>
        <span className={styles.fieldLabel}>{t('new')}</span>
        <input
          className={styles.input}
          type="password"
          autoComplete="new-password"
          aria-describedby="password-rules"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          data-testid="password-new"
        />
      </label>
      <label className={styles.field}>
        <span className={styles.fieldLabel}>{t('repeat')}</span>
        <input
          className={styles.input}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          data-testid="password-repeat"
        />
      </label>
      {error && (
        <p className={local.error} role="alert" data-testid="password-error">
          {t(`errors.${error}`)}
        </p>
      )}
      <div className={local.actions}>
        {onCancel && (
          <button type="button" className={styles.buttonSecondary} onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
        <button type="submit" className={styles.buttonPrimary} disabled={busy} data-testid="password-submit">
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </form>
  );
}

/** The loud "demo data" mark of the staff screens while accounts with the published demo password exist. */
export function DemoBadge() {
  const t = useTranslations('staffPassword');
  return (
    <span className={local.demoBadge} title={t('demoHint')} data-testid="demo-badge">
      {t('demoBadge')}
    </span>
  );
}
