'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import { ApiError, call } from '../ui/http';
import type { Me } from '../contract/auth';
import type { Office as OfficeItem } from '../contract/offices';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { getSocket } from '../ui/socket';
import { StaffTopBar } from '../ui/staff/StaffTopBar';
import { useStoredLanguage } from '../ui/useStoredLanguage';
import styles from './admin.module.css';
import { PasswordChangeForm } from '../ui/PasswordChangeForm';
import { AdminLogin } from './AdminLogin';
import { Dialog } from './Dialog';
import { AdminContext } from './context';
import { NoticeBox, type Notice } from './notice';
import { useLoad } from '../ui/useLoad';

const LANG_KEY = 'sportello.admin.lang';
const OFFICE_KEY = 'sportello.admin.office';

/**
 * The navigation of /admin. The configuration pages and the audit log (admin only) are listed
 * in CONFIGURATION; supervisors see a note instead.
 */
const SUPERVISION = [
  { href: '/admin/live', key: 'nav.live', testId: 'admin-nav-live' },
  { href: '/admin/stats', key: 'nav.stats', testId: 'admin-nav-stats' },
  { href: '/admin/forecast', key: 'nav.forecast', testId: 'admin-nav-forecast' },
] as const;
const CONFIGURATION: readonly { href: string; key: string; testId: string }[] = [
  { href: '/admin/config/services', key: 'nav.services', testId: 'admin-nav-services' },
  { href: '/admin/config/categories', key: 'nav.categories', testId: 'admin-nav-categories' },
  { href: '/admin/config/counters', key: 'nav.counterList', testId: 'admin-nav-counters' },
  { href: '/admin/config/staff', key: 'nav.staff', testId: 'admin-nav-staff' },
  { href: '/admin/config/offices', key: 'nav.offices', testId: 'admin-nav-offices' },
  { href: '/admin/config/kiosks', key: 'nav.kiosks', testId: 'admin-nav-kiosks' },
  { href: '/admin/config/displays', key: 'nav.displays', testId: 'admin-nav-displays' },
  { href: '/admin/audit', key: 'nav.audit', testId: 'admin-nav-audit' },
];

/** Shell of the supervision and administration screens: language, session, office, navigation. */
export function AdminShell({ children }: { children: ReactNode }) {
  const [lang, changeLang] = useStoredLanguage(LANG_KEY);

  return (
    <IntlClient lang={lang}>
      <Shell lang={lang} onLang={changeLang}>
        {children}
      </Shell>
    </IntlClient>
  );
}

type Phase =
  { kind: 'loading' } | { kind: 'login' } | { kind: 'password'; me: Me } | { kind: 'denied'; me: Me } | { kind: 'ready'; me: Me };

function Shell({ lang, onLang, children }: { lang: LanguageCode; onLang: (l: LanguageCode) => void; children: ReactNode }) {
  const t = useTranslations('admin');
  const tp = useTranslations('staffPassword');
  const pathname = usePathname();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [offices, setOffices] = useState<OfficeItem[]>([]);
  const [officeId, setOfficeId] = useState<string | null>(null);

  const loadMe = useCallback(async () => {
    try {
      const data = await call(api.me);
      if (!data?.staff) return setPhase({ kind: 'login' });
      if (data.mustChangePassword) return setPhase({ kind: 'password', me: data });
      setPhase(data.staff.role === 'operator' ? { kind: 'denied', me: data } : { kind: 'ready', me: data });
    } catch (err) {
      setPhase({ kind: 'login' });
      if (!(err instanceof ApiError && err.status === 401)) setNotice({ kind: 'error', key: 'errors.network' });
    }
  }, []);

  useLoad(loadMe);

  const loadOffices = useCallback(async () => {
    try {
      const list = await call(api.offices);
      setOffices(list);
      setOfficeId((cur) => {
        if (cur && list.some((o) => o.id === cur)) return cur;
        const saved = window.localStorage.getItem(OFFICE_KEY);
        const pick = list.find((o) => o.id === saved) ?? list.find((o) => o.isOneStop) ?? list[0];
        return pick?.id ?? null;
      });
    } catch {
      setNotice({ kind: 'error', key: 'errors.network' });
    }
  }, []);

  const ready = phase.kind === 'ready';
  useLoad(useCallback(async () => (ready ? loadOffices() : undefined), [ready, loadOffices]));

  const onLoggedIn = useCallback(async () => {
    setNotice(null);
    // The socket's handshake must carry the new session cookie.
    const s = getSocket();
    s.disconnect();
    s.connect();
    await loadMe();
  }, [loadMe]);

  const logout = useCallback(async () => {
    try {
      await call(api.logout);
    } catch {
      // the session is dropped locally anyway
    }
    getSocket().disconnect();
    setPhase({ kind: 'login' });
    setNotice({ kind: 'info', key: 'messages.loggedOut' });
  }, []);

  const onUnauthorized = useCallback(() => {
    setPhase({ kind: 'login' });
    setNotice({ kind: 'error', key: 'messages.sessionExpired' });
  }, []);

  const chooseOffice = useCallback((id: string) => {
    setOfficeId(id);
    try {
      window.localStorage.setItem(OFFICE_KEY, id);
    } catch {
      // private mode
    }
  }, []);

  const me = phase.kind === 'ready' || phase.kind === 'denied' || phase.kind === 'password' ? phase.me : null;
  const [changingPassword, setChangingPassword] = useState(false);

  const passwordChanged = useCallback(async () => {
    setChangingPassword(false);
    setNotice({ kind: 'success', key: 'messages.passwordChanged' });
    // The socket handshake was refused while the password had to change.
    const s = getSocket();
    s.disconnect();
    s.connect();
    await loadMe();
  }, [loadMe]);
  const ctx = useMemo(
    () =>
      phase.kind === 'ready'
        ? { me: phase.me, lang, officeId, offices, chooseOffice, reloadOffices: loadOffices, onUnauthorized }
        : null,
    [phase, lang, officeId, offices, chooseOffice, loadOffices, onUnauthorized],
  );

  return (
    <div className={styles.app} lang={lang}>
      <StaffTopBar
        namespace="admin"
        lang={lang}
        onLang={onLang}
        user={me ? t('signedInAs', { name: me.staff.displayName, role: t(`roles.${me.staff.role}`) }) : null}
        demo={me?.demo ?? false}
        onChangePassword={me && phase.kind !== 'password' ? () => setChangingPassword(true) : null}
        onLogout={me ? logout : null}
      >
        {phase.kind === 'ready' && offices.length > 1 && (
          <label className={styles.officeField}>
            <span>{t('office')}</span>
            <select
              className={styles.officeSelect}
              value={officeId ?? ''}
              onChange={(e) => chooseOffice(e.target.value)}
              data-testid="admin-office"
            >
              {offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {lang === 'en' ? o.nameEn : o.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </StaffTopBar>
      {phase.kind === 'loading' && (
        <main className={styles.centered} aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      )}
      {changingPassword && (
        <Dialog title={tp('title')} onClose={() => setChangingPassword(false)} testId="password-dialog">
          <PasswordChangeForm
            styles={styles}
            forced={false}
            onDone={passwordChanged}
            onCancel={() => setChangingPassword(false)}
          />
        </Dialog>
      )}
      {phase.kind === 'password' && (
        <main className={styles.centered}>
          <div className={styles.loginCard} data-testid="password-required">
            <h1 className={styles.loginTitle}>{tp('forcedTitle')}</h1>
            <PasswordChangeForm styles={styles} forced onDone={passwordChanged} />
          </div>
        </main>
      )}
      {phase.kind === 'login' && <AdminLogin notice={notice} onNotice={setNotice} onLoggedIn={onLoggedIn} />}
      {phase.kind === 'denied' && (
        <main className={styles.centered}>
          <div className={styles.loginCard}>
            <h1 className={styles.loginTitle}>{t('denied.title')}</h1>
            <p data-testid="admin-denied">{t('denied.text')}</p>
            <a className={styles.buttonSecondary} href="/counter">
              {t('denied.toCounter')}
            </a>
          </div>
        </main>
      )}
      {phase.kind === 'ready' && ctx && (
        <div className={styles.body}>
          <nav className={styles.sidebar} aria-label={t('nav.label')}>
            <div className={styles.navGroup}>
              <p className={styles.navHeading}>{t('nav.supervision')}</p>
              <ul className={styles.navList}>
                {SUPERVISION.map((n) => (
                  <li key={n.href}>
                    <Link
                      href={n.href}
                      className={pathname === n.href ? styles.navActive : styles.navLink}
                      aria-current={pathname === n.href ? 'page' : undefined}
                      data-testid={n.testId}
                    >
                      {t(n.key)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
            <div className={styles.navGroup} data-testid="admin-nav-configuration">
              <p className={styles.navHeading}>{t('nav.configuration')}</p>
              {ctx.me.staff.role !== 'admin' ? (
                <p className={styles.navPlaceholder}>{t('nav.configurationAdminOnly')}</p>
              ) : (
                <ul className={styles.navList}>
                  {CONFIGURATION.map((n) => (
                    <li key={n.href}>
                      <Link
                        href={n.href}
                        className={pathname === n.href ? styles.navActive : styles.navLink}
                        aria-current={pathname === n.href ? 'page' : undefined}
                        data-testid={n.testId}
                      >
                        {t(n.key)}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {ctx.me.staff.role === 'admin' && (
              <div className={styles.navGroup}>
                <p className={styles.navHeading}>{t('nav.operations')}</p>
                <ul className={styles.navList}>
                  <li>
                    {/* Served by the custom server (Bull Board), not by Next: a full page load. */}
                    <a href="/admin/queues" className={styles.navLink} data-testid="admin-nav-jobs">
                      {t('nav.jobs')}
                    </a>
                  </li>
                </ul>
              </div>
            )}
          </nav>
          <AdminContext.Provider value={ctx}>
            {ctx.officeId ? (
              children
            ) : (
              // Until the offices are known; if they cannot be loaded, say so instead of waiting forever.
              <main className={styles.main} aria-busy={notice ? undefined : true}>
                <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
              </main>
            )}
          </AdminContext.Provider>
        </div>
      )}
    </div>
  );
}
