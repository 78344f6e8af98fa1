'use client';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import type { StaffSession } from '../ui/staff/useStaffSession';
import { useStoredLanguage } from '../ui/useStoredLanguage';
import { ClerkShell } from './ClerkShell';
import { OpenCounter } from './OpenCounter';
import type { Me } from '../contract/auth';
import type { CounterSnapshot } from '../contract/counters';
import { WorkView } from './WorkView';

const LANG_KEY = 'sportello.counter.lang';

/** The clerk screen: language, session and which of the three views is shown. */
export function CounterApp() {
  const [lang, changeLang] = useStoredLanguage(LANG_KEY);

  return (
    <IntlClient lang={lang}>
      <CounterScreen lang={lang} onLang={changeLang} />
    </IntlClient>
  );
}

function CounterScreen({ lang, onLang }: { lang: LanguageCode; onLang: (l: LanguageCode) => void }) {
  const t = useTranslations('counter');
  return (
    <ClerkShell
      lang={lang}
      onLang={onLang}
      title={t('pageTitle')}
      reservedNotice
      switchTo={{ href: '/counter/pratiche', label: t('toProcedures') }}
    >
      {(me, session) => <Desk me={me} lang={lang} session={session} />}
    </ClerkShell>
  );
}

type View = { kind: 'open' } | { kind: 'work'; counterId: string; initial: CounterSnapshot | null };

/** A logged-in clerk: choose and open a counter, then work at it. */
function Desk({ me, lang, session }: { me: Me; lang: LanguageCode; session: StaffSession }) {
  const [view, setView] = useState<View>(() =>
    me.counterId ? { kind: 'work', counterId: me.counterId, initial: null } : { kind: 'open' },
  );
  const { notice, setNotice, expired } = session;

  return view.kind === 'open' ? (
    <OpenCounter
      me={me}
      lang={lang}
      notice={notice}
      onNotice={setNotice}
      onOpened={(snap) => {
        setNotice(null);
        setView({ kind: 'work', counterId: snap.counter.id, initial: snap });
      }}
      onUnauthorized={expired}
    />
  ) : (
    <WorkView
      key={view.counterId}
      me={me}
      counterId={view.counterId}
      initial={view.initial}
      lang={lang}
      onClosed={(n) => {
        setNotice(n);
        setView({ kind: 'open' });
      }}
      onUnauthorized={expired}
    />
  );
}
