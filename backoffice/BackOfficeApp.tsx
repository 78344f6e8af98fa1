'use client';
import { useTranslations } from 'use-intl';
import { ClerkShell } from '../counter/ClerkShell';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { useStoredLanguage } from '../ui/useStoredLanguage';
import { ProceduresBoard } from './ProceduresBoard';

/** Same language choice as the counter screen: the same clerks use both. */
const LANG_KEY = 'sportello.counter.lang';

export function BackOfficeApp() {
  const [lang, changeLang] = useStoredLanguage(LANG_KEY);
  return (
    <IntlClient lang={lang}>
      <BackOfficeScreen lang={lang} onLang={changeLang} />
    </IntlClient>
  );
}

function BackOfficeScreen({ lang, onLang }: { lang: LanguageCode; onLang: (l: LanguageCode) => void }) {
  const t = useTranslations('backoffice');
  return (
    <ClerkShell lang={lang} onLang={onLang} title={t('pageTitle')} switchTo={{ href: '/counter', label: t('toDesk') }}>
      {() => <ProceduresBoard lang={lang} />}
    </ClerkShell>
  );
}
