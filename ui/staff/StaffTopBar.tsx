'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../../i18n/languages';
import { LanguageSwitch } from '../LanguageSwitch';
import { DemoBadge } from './PasswordChangeForm';
import styles from './staff.module.css';

/**
 * The top bar of the staff screens: title, demo badge, who is signed in, language, own password
 * and logout. Texts come from the screen's namespace (`appTitle`, `languageSwitch`, `logout`);
 * `children` go before the user (the admin's office picker).
 */
export function StaffTopBar({
  namespace,
  lang,
  onLang,
  user,
  demo = false,
  onChangePassword = null,
  onLogout,
  children,
}: {
  namespace: 'admin' | 'counter';
  lang: LanguageCode;
  onLang: (l: LanguageCode) => void;
  /** "Signed in as …", or null before login. */
  user: string | null;
  /** A demo installation with published passwords: says so in the bar. */
  demo?: boolean;
  onChangePassword?: (() => void) | null;
  onLogout: (() => void) | null;
  children?: ReactNode;
}) {
  const t = useTranslations(namespace);
  const tp = useTranslations('staffPassword');
  return (
    <header className={styles.topbar}>
      <p className={styles.brand}>{t('appTitle')}</p>
      <div className={styles.topbarRight}>
        {children}
        {demo && <DemoBadge />}
        {user && <p className={styles.user}>{user}</p>}
        <LanguageSwitch
          lang={lang}
          onLanguage={onLang}
          label={t('languageSwitch')}
          testIdPrefix={`${namespace}-lang`}
          className={styles.langSwitch}
          buttonClassName={styles.langButton}
          activeClassName={styles.langActive}
        />
        {onChangePassword && (
          <button type="button" className={styles.buttonGhost} onClick={onChangePassword} data-testid={`${namespace}-password`}>
            {tp('open')}
          </button>
        )}
        {onLogout && (
          <button type="button" className={styles.buttonGhost} onClick={onLogout} data-testid={`${namespace}-logout`}>
            {t('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
