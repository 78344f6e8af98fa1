'use client';
import { Fragment, useEffect, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import { SessionViews } from '../ui/staff/SessionViews';
import { StaffTopBar } from '../ui/staff/StaffTopBar';
import { useStaffSession, type StaffSession } from '../ui/staff/useStaffSession';
import type { Me } from '../contract/auth';
import staff from '../ui/staff/staff.module.css';
import styles from './counter.module.css';
import { errorNotice } from './errors';

/**
 * What every clerk screen shares (the counter, the back office of procedures): the top bar with
 * language, password and logout, the login and password views, and the page title; `children`
 * is the screen of a logged-in clerk, keyed by the login so a new login starts afresh.
 */
export function ClerkShell({
  lang,
  onLang,
  title,
  reservedNotice = false,
  switchTo,
  children,
}: {
  lang: LanguageCode;
  onLang: (l: LanguageCode) => void;
  title: string;
  reservedNotice?: boolean;
  /** The other clerk screen, linked from the top bar once signed in. */
  switchTo: { href: string; label: string };
  children: (me: Me, session: StaffSession) => ReactNode;
}) {
  const t = useTranslations('counter');
  const session = useStaffSession();
  const { me, state } = session;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className={styles.app} lang={lang}>
      <StaffTopBar
        namespace="counter"
        lang={lang}
        onLang={onLang}
        user={me ? t('signedInAs', { name: me.staff.displayName }) : null}
        demo={me?.demo ?? false}
        onChangePassword={state.kind === 'in' ? () => session.setChangingPassword(true) : null}
        onLogout={me ? session.logout : null}
      >
        {me && (
          <a className={staff.buttonGhost} href={switchTo.href} data-testid="clerk-switch">
            {switchTo.label}
          </a>
        )}
      </StaffTopBar>
      <SessionViews session={session} namespace="counter" errorNotice={errorNotice} reservedNotice={reservedNotice} />
      {state.kind === 'in' && <Fragment key={state.me.staff.id}>{children(state.me, session)}</Fragment>}
    </div>
  );
}
