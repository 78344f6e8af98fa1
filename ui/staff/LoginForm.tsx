'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import { call } from '../http';
import styles from './staff.module.css';

/**
 * Staff login shared by the counter and the supervision screens (same API and session cookie).
 * `scope` names the message namespace (its `login.*` keys) and the test-id prefix; the caller
 * renders its own notice and turns failures into its own messages.
 */
export function LoginForm({
  scope,
  notice,
  onError,
  onLoggedIn,
}: {
  scope: 'counter' | 'admin';
  notice: ReactNode;
  /** `missing` when a field is empty, otherwise what the login request threw; null clears. */
  onError: (err: 'missing' | unknown | null) => void;
  onLoggedIn: () => Promise<void>;
}) {
  const t = useTranslations(scope);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      onError('missing');
      return;
    }
    setBusy(true);
    onError(null);
    try {
      await call(api.login, { body: { username: username.trim(), password } });
      setPassword('');
      await onLoggedIn();
    } catch (err) {
      onError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.centered}>
      <form className={styles.loginCard} onSubmit={submit} noValidate aria-labelledby={`${scope}-login-title`}>
        <h1 id={`${scope}-login-title`} className={styles.loginTitle}>
          {t('login.title')}
        </h1>
        <p className={styles.muted}>{t('login.intro')}</p>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('login.username')}</span>
          <input
            className={styles.input}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid={`${scope}-login-username`}
          />
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('login.password')}</span>
          <input
            className={styles.input}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid={`${scope}-login-password`}
          />
        </label>
        {notice}
        <button type="submit" className={styles.buttonPrimary} disabled={busy} data-testid={`${scope}-login-submit`}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
