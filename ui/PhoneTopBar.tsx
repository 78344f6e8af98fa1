'use client';
import type { ReactNode } from 'react';
import type { LanguageCode } from '../i18n/languages';
import { LanguageSwitch } from './LanguageSwitch';
import styles from './phone-top-bar.module.css';

/** The bar on top of the citizen's phone pages: a name (a link when `href` is given) and the languages. */
export function PhoneTopBar({
  brand,
  href,
  lang,
  onLanguage,
  languageLabel,
  testIdPrefix,
}: {
  brand: ReactNode;
  href?: string;
  lang: LanguageCode;
  onLanguage: (l: LanguageCode) => void;
  languageLabel: string;
  testIdPrefix?: string;
}) {
  return (
    <header className={styles.topbar}>
      {href ? (
        <a href={href} className={styles.brand}>
          {brand}
        </a>
      ) : (
        <span className={styles.brand}>{brand}</span>
      )}
      <LanguageSwitch
        lang={lang}
        onLanguage={onLanguage}
        label={languageLabel}
        testIdPrefix={testIdPrefix}
        className={styles.langs}
        buttonClassName={styles.langButton}
      />
    </header>
  );
}
