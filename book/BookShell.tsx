'use client';
import { useEffect, type ReactNode } from 'react';
import { dirOf } from '../contract/languages';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import { PhoneTopBar } from '../ui/PhoneTopBar';
import { useDocumentLanguage } from '../ui/useDocumentLanguage';
import styles from './book.module.css';

/** Header with the town and the language switch, one main landmark, a footer. */
export function BookShell({
  lang,
  onLanguage,
  children,
}: {
  lang: LanguageCode;
  onLanguage: (l: LanguageCode) => void;
  children: ReactNode;
}) {
  const t = useTranslations('book');
  useDocumentLanguage(lang);
  useEffect(() => {
    document.title = t('pageTitle');
  }, [t]);
  return (
    <div className={styles.page} lang={lang} dir={dirOf(lang)} data-testid="book-page">
      <PhoneTopBar
        brand={t('brand')}
        href="/book"
        lang={lang}
        languageLabel={t('language')}
        testIdPrefix="book-lang"
        onLanguage={(l) => {
          onLanguage(l);
          const url = new URL(window.location.href);
          url.searchParams.set('lang', l);
          window.history.replaceState(window.history.state, '', url);
        }}
      />
      <main className={styles.main}>
        <h1 className={styles.h1}>{t('heading')}</h1>
        {children}
      </main>
      <footer className={styles.footer}>
        {t('footer')}
        <br />
        <a href={`/attese?lang=${lang}`} data-testid="book-waits-link">
          {t('waitsLink')}
        </a>
      </footer>
    </div>
  );
}
