'use client';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import styles from './counter.module.css';

export function TopBar({
  lang,
  onLang,
  staffName,
  onLogout,
}: {
  lang: LanguageCode;
  onLang: (l: LanguageCode) => void;
  staffName: string | null;
  onLogout: (() => void) | null;
}) {
  const t = useTranslations('counter');
  return (
    <header className={styles.topbar}>
      <p className={styles.brand}>{t('appTitle')}</p>
      <div className={styles.topbarRight}>
        {staffName && <p className={styles.user}>{t('signedInAs', { name: staffName })}</p>}
        <LanguageSwitch
          lang={lang}
          onLanguage={onLang}
          label={t('languageSwitch')}
          testIdPrefix="counter-lang"
          className={styles.langSwitch}
          buttonClassName={styles.langButton}
          activeClassName={styles.langActive}
        />
        {onLogout && (
          <button type="button" className={styles.buttonGhost} onClick={onLogout} data-testid="counter-logout">
            {t('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
