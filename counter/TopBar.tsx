'use client';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { DemoBadge } from '../ui/PasswordChangeForm';
import styles from './counter.module.css';

export function TopBar({
  lang,
  onLang,
  staffName,
  demo,
  onChangePassword,
  onLogout,
}: {
  lang: LanguageCode;
  onLang: (l: LanguageCode) => void;
  staffName: string | null;
  demo: boolean;
  onChangePassword: (() => void) | null;
  onLogout: (() => void) | null;
}) {
  const t = useTranslations('counter');
  const tp = useTranslations('staffPassword');
  return (
    <header className={styles.topbar}>
      <p className={styles.brand}>{t('appTitle')}</p>
      <div className={styles.topbarRight}>
        {demo && <DemoBadge />}
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
        {onChangePassword && (
          <button type="button" className={styles.buttonGhost} onClick={onChangePassword} data-testid="counter-password">
            {tp('open')}
          </button>
        )}
        {onLogout && (
          <button type="button" className={styles.buttonGhost} onClick={onLogout} data-testid="counter-logout">
            {t('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
