'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../../i18n/languages';
import { LanguageSwitch } from '../LanguageSwitch';
import styles from '../staff.module.css';

/**
 * The top bar of the staff screens: title, who is signed in, language and logout. Texts come from
 * the screen's namespace (`appTitle`, `languageSwitch`, `logout`); `children` go before the user
 * (the admin's office picker).
 */
export function StaffTopBar({
  namespace,
  lang,
  onLang,
  user,
  onLogout,
  children,
}: {
  namespace: 'admin' | 'counter';
  lang: LanguageCode;
  onLang: (l: LanguageCode) => void;
  /** "Signed in as …", or null before login. */
  user: string | null;
  onLogout: (() => void) | null;
  children?: ReactNode;
}) {
  const t = useTranslations(namespace);
  return (
    <header className={styles.topbar}>
      <p className={styles.brand}>{t('appTitle')}</p>
      <div className={styles.topbarRight}>
        {children}
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
        {onLogout && (
          <button type="button" className={styles.buttonGhost} onClick={onLogout} data-testid={`${namespace}-logout`}>
            {t('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
