'use client';
import { useEffect, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { dirOf } from '../contract/lang';
import type { LanguageCode } from '../i18n/languages';
import { PhoneTopBar } from '../ui/PhoneTopBar';
import { useDocumentLanguage } from '../ui/useDocumentLanguage';
import styles from './portal.module.css';

/** The citizen portal's page: the phone top bar with the languages, one main landmark, a footer. */
export function PortalShell({
  lang,
  onLanguage,
  title,
  testId,
  children,
}: {
  lang: LanguageCode;
  onLanguage: (l: LanguageCode) => void;
  /** The tab's title. */
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const t = useTranslations('citizenPortal');
  useDocumentLanguage(lang);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className={styles.page} lang={lang} dir={dirOf(lang)} data-testid={testId}>
      <PhoneTopBar
        brand={t('brand')}
        href={`/portale?lang=${lang}`}
        lang={lang}
        languageLabel={t('language')}
        testIdPrefix="portal-lang"
        onLanguage={(l) => {
          onLanguage(l);
          // The choice stays in the address, so a reload or a shared link keeps it.
          const url = new URL(window.location.href);
          url.searchParams.set('lang', l);
          window.history.replaceState(window.history.state, '', url);
        }}
      />
      <main className={styles.main}>{children}</main>
      <footer className={styles.footer}>{t('footer')}</footer>
    </div>
  );
}
