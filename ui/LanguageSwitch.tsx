'use client';
import type { ReactNode } from 'react';
import { languages, type LanguageCode } from '../i18n/languages';

/**
 * One button per language, each written in its own language (and direction) so anyone finds
 * theirs; the current one is pressed. Each screen brings its own look (classes) and test ids
 * (`<prefix>-<code>`); `buttonsClassName` groups the buttons apart from the icon, for a screen
 * that lays them out as a grid (the kiosk: seven languages on one or two rows).
 */
export function LanguageSwitch({
  lang,
  onLanguage,
  label,
  testIdPrefix,
  className,
  buttonClassName,
  activeClassName = buttonClassName,
  buttonsClassName,
  icon,
}: {
  lang: LanguageCode;
  onLanguage: (l: LanguageCode) => void;
  label: string;
  testIdPrefix?: string;
  className: string;
  buttonClassName: string;
  activeClassName?: string;
  buttonsClassName?: string;
  /** Shown before the buttons (the kiosk's globe). */
  icon?: ReactNode;
}) {
  const buttons = languages.map((l) => (
    <button
      key={l.code}
      type="button"
      lang={l.code}
      dir={l.dir}
      aria-pressed={lang === l.code}
      className={lang === l.code ? activeClassName : buttonClassName}
      onClick={() => onLanguage(l.code)}
      data-testid={testIdPrefix ? `${testIdPrefix}-${l.code}` : undefined}
    >
      {l.nativeName}
    </button>
  ));
  return (
    <div role="group" aria-label={label} className={className}>
      {icon}
      {buttonsClassName ? <div className={buttonsClassName}>{buttons}</div> : buttons}
    </div>
  );
}
