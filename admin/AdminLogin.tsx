'use client';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../counter/api';
import styles from './admin.module.css';
import { errorNotice, NoticeBox, type Notice } from './notice';

/** Staff login for the supervision screens (same API and session cookie as the counter screen). */
export function AdminLogin({ notice, onNotice, onLoggedIn }: { notice: Notice | null; onNotice: (n: Notice | null) => void; onLoggedIn: () => Promise<void> }) {
  const t = useTranslations('admin');
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
      <form className={styles.loginCard} onSubmit={submit} noValidate aria-labelledby="admin-login-title">
        <h1 id="admin-login-title" className={styles.loginTitle}>
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
            data-testid="admin-login-username"
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
            data-testid="admin-login-password"
          />
        </label>
        <NoticeBox notice={notice} />
        <button type="submit" className={styles.buttonPrimary} disabled={busy} data-testid="admin-login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
