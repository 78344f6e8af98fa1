import type { ReactNode } from 'react';
import { createTranslator } from 'use-intl/core';
import { secondLine, type LocalizedText } from '../contract/languages';
import type { LanguageCode } from '../i18n/languages';
import type { DisplayMessages } from './messages';
import styles from './display.module.css';

export type DisplayT = ReturnType<typeof makeT>;
export function makeT(lang: LanguageCode, messages: Record<LanguageCode, DisplayMessages>) {
  return createTranslator({ locale: lang, messages: messages[lang], namespace: 'display' });
}
type Key = Parameters<DisplayT>[0];
type Values = Parameters<DisplayT>[1];

/** The display's texts: Italian first, the secondary language (if any) underneath, smaller. */
export interface Texts {
  tIt: DisplayT;
  tSec: DisplayT | null;
  secondary: LanguageCode | null;
  /** A label in Italian with the secondary language underneath (or beside it, `inline`). */
  bi: (k: Key, values?: Values, inline?: boolean) => ReactNode;
}

export function makeTexts(secondary: LanguageCode | null, messages: Record<LanguageCode, DisplayMessages>): Texts {
  const tIt = makeT('it', messages);
  const tSec = secondary ? makeT(secondary, messages) : null;
  const bi = (k: Key, values?: Values, inline = false): ReactNode => (
    <>
      <span lang="it" className={inline ? undefined : styles.primary}>
        {tIt(k, values)}
      </span>
      {tSec && secondary && (
        <span lang={secondary} className={inline ? styles.secondaryInline : styles.secondary}>
          {tSec(k, values)}
        </span>
      )}
    </>
  );
  return { tIt, tSec, secondary, bi };
}

/**
 * An admin's text (office or service name, notice) under its Italian, in the display's second
 * language by the fallback rule of contract/languages.ts; nothing when that would repeat the Italian.
 */
export function SecondLine({
  text,
  lang,
  className,
  as: Tag = 'span',
}: {
  text: LocalizedText;
  lang: LanguageCode | null;
  className?: string;
  as?: 'span' | 'p';
}) {
  const second = secondLine(text, lang);
  if (!second) return null;
  return (
    <Tag lang={second.lang} className={className}>
      {second.text}
    </Tag>
  );
}
