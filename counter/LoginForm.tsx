'use client';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api, errorNotice } from './api';
import styles from './counter.module.css';
import { NoticeBox } from './NoticeBox';
import type { Notice } from './types';

export function LoginForm({ notice, onNotice, onLoggedIn }: { notice: Notice | null; onNotice: (n: Notice | null) => void; onLoggedIn: () => Promise<void> }) {
  const t = useTranslations('counter');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      onNotice({ kind: 'error', key: 'login.missing' });
      return;
    }
    setBusy(true);
    onNotice(null);
    try {
      await api('POST', '/api/auth/login', { username: username.trim(), password });
      setPassword('');
      await onLoggedIn();
    } catch (err) {
      onNotice(errorNotice(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.centered}>
      <form className={styles.loginCard} onSubmit={submit} noValidate aria-labelledby="counter-login-title">
        <h1 id="counter-login-title" className={styles.loginTitle}>
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
            data-testid="counter-login-username"
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
            data-testid="counter-login-password"
          />
        </label>
        <NoticeBox notice={notice} />
        <button type="submit" className={styles.buttonPrimary} disabled={busy} data-testid="counter-login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
