'use client';
import { useEffect } from 'react';
import { useTranslations } from 'use-intl';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { SessionViews } from '../ui/staff/SessionViews';
import { StaffTopBar } from '../ui/staff/StaffTopBar';
import { useStaffSession } from '../ui/staff/useStaffSession';
import { useStoredLanguage } from '../ui/useStoredLanguage';
import { errorNotice } from '../counter/errors';
import styles from './backoffice.module.css';
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
  const t = useTranslations('counter');
  const b = useTranslations('backoffice');
  const session = useStaffSession();
  const { me, state } = session;
  useEffect(() => {
    document.title = b('pageTitle');
  }, [b]);
  return (
    <div className={styles.app} lang={lang}>
      <StaffTopBar
        namespace="counter"
        lang={lang}
        onLang={onLang}
        user={me ? t('signedInAs', { name: me.staff.displayName }) : null}
        demo={me?.demo ?? false}
        onChangePassword={state.kind === 'in' ? () => session.setChangingPassword(true) : null}
        onLogout={me ? session.logout : null}
      />
      <SessionViews session={session} namespace="counter" errorNotice={errorNotice} />
      {state.kind === 'in' && <ProceduresBoard key={state.me.staff.id} lang={lang} />}
    </div>
  );
}
