'use client';
import { useTranslations } from 'use-intl';
import { languages, type LanguageCode } from '../i18n/languages';
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
        <div role="group" aria-label={t('languageSwitch')} className={styles.langSwitch}>
          {languages.map((l) => (
            <button
              key={l.code}
              type="button"
              lang={l.code}
              aria-pressed={lang === l.code}
              className={lang === l.code ? styles.langActive : styles.langButton}
              onClick={() => onLang(l.code)}
              data-testid={`counter-lang-${l.code}`}
            >
              {l.nativeName}
            </button>
          ))}
        </div>
        {onLogout && (
          <button type="button" className={styles.buttonGhost} onClick={onLogout} data-testid="counter-logout">
            {t('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
