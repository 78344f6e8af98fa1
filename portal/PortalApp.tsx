'use client';
/**
 * `/portale`: the citizen's area. Signed out, the sign-in (SPID/CIE when configured, e-mailed code); signed in, their
 * procedures, one procedure's detail, and a new request. The view lives in the address
 * (`?p=<id>`, `?new=1`, `?new=<serviceId>`), so a reload or the back button keeps the citizen
 * where they were.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import type { CitizenInfo } from '../contract/portal';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call } from '../ui/http';
import { useLoad } from '../ui/useLoad';
import { NewRequest } from './NewRequest';
import { PortalShell } from './PortalShell';
import { ProcedureDetail } from './ProcedureDetail';
import { ProcedureList } from './ProcedureList';
import { signInFailure, type PortalError } from './errors';
import { SignIn } from './SignIn';
import styles from './portal.module.css';

export type PortalView = { kind: 'list' } | { kind: 'detail'; id: string } | { kind: 'new'; serviceId: string | null };

function viewFromUrl(): PortalView {
  const q = new URLSearchParams(window.location.search);
  const p = q.get('p');
  if (p) return { kind: 'detail', id: p.slice(0, 64) };
  const n = q.get('new');
  if (n) return { kind: 'new', serviceId: n === '1' ? null : n.slice(0, 64) };
  return { kind: 'list' };
}

function urlOfView(v: PortalView): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('p');
  url.searchParams.delete('new');
  if (v.kind === 'detail') url.searchParams.set('p', v.id);
  if (v.kind === 'new') url.searchParams.set('new', v.serviceId ?? '1');
  return `${url.pathname}${url.search}`;
}

/** The failure the SPID/CIE sign-in came back with (`?signinError=`), taken out of the address so a reload does not repeat it. */
function takeSignInFailure(): PortalError | null {
  const url = new URL(window.location.href);
  const failure = signInFailure(url.searchParams.get('signinError'));
  if (failure) {
    url.searchParams.delete('signinError');
    window.history.replaceState(null, '', `${url.pathname}${url.search}`);
  }
  return failure;
}

export function PortalApp({
  initialLang,
  langFromQuery,
  oidc,
}: {
  initialLang: LanguageCode;
  langFromQuery: boolean;
  /** An OpenID provider (SPID/CIE) is configured. */
  oidc: boolean;
}) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  const [langChosen, setLangChosen] = useState(langFromQuery);
  return (
    <IntlClient lang={lang}>
      <Portal
        lang={lang}
        oidc={oidc}
        onLanguage={(l) => {
          setLang(l);
          setLangChosen(true);
        }}
        onCitizenLanguage={(l) => {
          // Signed in without ?lang=: the page speaks the citizen's language.
          if (!langChosen) setLang(l);
        }}
      />
    </IntlClient>
  );
}

type Session = { kind: 'checking' } | { kind: 'out' } | { kind: 'in'; citizen: CitizenInfo } | { kind: 'error' };

function Portal({
  lang,
  oidc,
  onLanguage,
  onCitizenLanguage,
}: {
  lang: LanguageCode;
  oidc: boolean;
  onLanguage: (l: LanguageCode) => void;
  onCitizenLanguage: (l: LanguageCode) => void;
}) {
  const t = useTranslations('citizenPortal');
  const [session, setSession] = useState<Session>({ kind: 'checking' });
  const [view, setView] = useState<PortalView>({ kind: 'list' });
  const [failure, setFailure] = useState<PortalError | null>(null);

  const check = useCallback(async () => {
    setFailure(takeSignInFailure());
    try {
      const citizen = await call(api.citizenMe);
      setView(viewFromUrl());
      setSession({ kind: 'in', citizen });
      onCitizenLanguage(citizen.lang);
    } catch (e) {
      setSession(e instanceof ApiError && e.status === 401 ? { kind: 'out' } : { kind: 'error' });
    }
    // Once, on opening: the language callback changes with every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useLoad(check);

  useEffect(() => {
    const onPop = () => setView(viewFromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const go = useCallback((v: PortalView) => {
    window.history.pushState(null, '', urlOfView(v));
    setView(v);
    window.scrollTo(0, 0);
  }, []);

  /** Any 401 on the way: the session ended (8 hours, or signed out elsewhere). */
  const onSessionEnded = useCallback(() => setSession({ kind: 'out' }), []);

  async function signOut() {
    await call(api.citizenLogout).catch(() => null);
    window.history.replaceState(null, '', urlOfView({ kind: 'list' }));
    setView({ kind: 'list' });
    setSession({ kind: 'out' });
  }

  /** Signed in, the picker also changes the language of the citizen's e-mails. */
  function changeLanguage(l: LanguageCode) {
    onLanguage(l);
    if (session.kind !== 'in' || session.citizen.lang === l) return;
    void call(api.updateCitizenMe, { body: { lang: l } }).then(
      (citizen) => setSession({ kind: 'in', citizen }),
      () => undefined,
    );
  }

  return (
    <PortalShell lang={lang} onLanguage={changeLanguage} title={t('pageTitle')} testId="portal-page">
      {session.kind === 'in' ? (
        <div className={styles.accountBar}>
          <p className={styles.account} data-testid="portal-account">
            {t('home.signedInAs')}{' '}
            <span className={styles.accountEmail}>
              <bdi>{session.citizen.email ?? session.citizen.name}</bdi>
            </span>
          </p>
          <button type="button" className={styles.linkButton} onClick={() => void signOut()} data-testid="portal-signout">
            {t('home.signOut')}
          </button>
        </div>
      ) : null}
      <h1 className={styles.h1}>{t('heading')}</h1>
      {session.kind === 'checking' ? (
        <p className={styles.muted} role="status">
          {t('loading')}
        </p>
      ) : null}
      {session.kind === 'error' ? (
        <p className={styles.errorBox} role="alert">
          {t('errors.network')}
        </p>
      ) : null}
      {session.kind === 'out' ? (
        <SignIn
          lang={lang}
          oidc={oidc}
          failure={failure}
          onSignedIn={(citizen) => {
            setView(viewFromUrl());
            setSession({ kind: 'in', citizen });
          }}
        />
      ) : null}
      {session.kind === 'in' && view.kind === 'list' ? (
        <ProcedureList lang={lang} go={go} onSessionEnded={onSessionEnded} />
      ) : null}
      {session.kind === 'in' && view.kind === 'detail' ? (
        <ProcedureDetail key={view.id} id={view.id} lang={lang} go={go} onSessionEnded={onSessionEnded} />
      ) : null}
      {session.kind === 'in' && view.kind === 'new' ? (
        <NewRequest
          serviceId={view.serviceId}
          lang={lang}
          strong={session.citizen.identity === 'strong'}
          go={go}
          onSessionEnded={onSessionEnded}
        />
      ) : null}
    </PortalShell>
  );
}
