'use client';
import { useEffect, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { languages, type LanguageCode } from '../i18n/languages';
import styles from './book.module.css';

/** Header with the town and the language switch, one main landmark, a footer. */
export function BookShell({ lang, onLanguage, children }: { lang: LanguageCode; onLanguage: (l: LanguageCode) => void; children: ReactNode }) {
  const t = useTranslations('book');
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('pageTitle');
  }, [lang, t]);
  return (
    <div className={styles.page}>
      <header className={styles.topbar}>
        <a href="/book" className={styles.brand}>
          {t('brand')}
        </a>
        <div className={styles.langs} role="group" aria-label={t('language')}>
          {languages.map((l) => (
            <button
              key={l.code}
              type="button"
              lang={l.code}
              className={styles.langButton}
              aria-pressed={l.code === lang}
              onClick={() => {
                onLanguage(l.code);
                const url = new URL(window.location.href);
                url.searchParams.set('lang', l.code);
                window.history.replaceState(window.history.state, '', url);
              }}
              data-testid={`book-lang-${l.code}`}
            >
              {l.nativeName}
            </button>
          ))}
        </div>
      </header>
      <main className={styles.main}>
        <h1 className={styles.h1}>{t('heading')}</h1>
        {children}
      </main>
      <footer className={styles.footer}>{t('footer')}</footer>
    </div>
  );
}
