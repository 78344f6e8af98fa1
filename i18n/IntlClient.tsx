'use client';
import { IntlProvider } from 'use-intl';
import type { ReactNode } from 'react';
import type { LanguageCode } from './languages';
import { messages } from './messages';

/** Client-side translations for one screen; the screen decides the language. */
export function IntlClient({ lang, timeZone, children }: { lang: LanguageCode; timeZone?: string; children: ReactNode }) {
  return (
    <IntlProvider locale={lang} messages={messages[lang]} timeZone={timeZone ?? 'Europe/Rome'}>
      {children}
    </IntlProvider>
  );
}
