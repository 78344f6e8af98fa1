'use client';
import type { ReactNode } from 'react';
import { languages, type LanguageCode } from '../i18n/languages';
import styles from './phone-top-bar.module.css';

/**
 * The bar on top of the citizen's phone pages: a name (a link when `href` is given) and one
 * button per language, each written in its own language so anyone finds theirs.
 */
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
      <div className={styles.langs} role="group" aria-label={languageLabel}>
        {languages.map((l) => (
          <button
            key={l.code}
            type="button"
            lang={l.code}
            className={styles.langButton}
            aria-pressed={l.code === lang}
            onClick={() => onLanguage(l.code)}
            data-testid={testIdPrefix ? `${testIdPrefix}-${l.code}` : undefined}
          >
            {l.nativeName}
          </button>
        ))}
      </div>
    </header>
  );
}
