'use client';
import { textIn } from '../contract/lang';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import { call } from '../ui/http';
import type { Office as OfficeItem } from '../contract/offices';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { SessionViews } from '../ui/staff/SessionViews';
import { StaffTopBar } from '../ui/staff/StaffTopBar';
import { useStaffSession } from '../ui/staff/useStaffSession';
import { useStoredLanguage } from '../ui/useStoredLanguage';
import styles from './admin.module.css';
import { AdminContext } from './context';
import { errorNotice, NoticeBox } from './notice';
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

function Shell({ lang, onLang, children }: { lang: LanguageCode; onLang: (l: LanguageCode) => void; children: ReactNode }) {
  const t = useTranslations('admin');
  const pathname = usePathname();
  const session = useStaffSession();
  const { me, notice, setNotice } = session;
  const [offices, setOffices] = useState<OfficeItem[]>([]);
  const [officeId, setOfficeId] = useState<string | null>(null);
  // A clerk's login is valid here too, but the supervision screens are not theirs.
  const signedIn = session.state.kind === 'in' ? session.state.me : null;
  const ready = signedIn !== null && signedIn.staff.role !== 'operator';
  const denied = signedIn !== null && !ready;

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
  }, [setNotice]);

  useLoad(useCallback(async () => (ready ? loadOffices() : undefined), [ready, loadOffices]));

  const chooseOffice = useCallback((id: string) => {
    setOfficeId(id);
    try {
      window.localStorage.setItem(OFFICE_KEY, id);
    } catch {
      // private mode
    }
  }, []);

  const onUnauthorized = session.expired;
  const ctx = useMemo(
    () =>
      ready && signedIn
        ? { me: signedIn, lang, officeId, offices, chooseOffice, reloadOffices: loadOffices, onUnauthorized }
        : null,
    [ready, signedIn, lang, officeId, offices, chooseOffice, loadOffices, onUnauthorized],
  );

  return (
    <div className={styles.app} lang={lang}>
      <StaffTopBar
        namespace="admin"
        lang={lang}
        onLang={onLang}
        user={me ? t('signedInAs', { name: me.staff.displayName, role: t(`roles.${me.staff.role}`) }) : null}
        demo={me?.demo ?? false}
        onChangePassword={signedIn ? () => session.setChangingPassword(true) : null}
        onLogout={me ? session.logout : null}
      >
        {ready && offices.length > 1 && (
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
                  {textIn(o.name, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
      </StaffTopBar>
      <SessionViews session={session} namespace="admin" errorNotice={errorNotice} />
      {denied && (
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
      {ctx && (
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
