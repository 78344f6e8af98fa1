'use client';
import { api } from '../contract/api';
import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { getSocket } from '../ui/socket';
import { StaffTopBar } from '../ui/staff/StaffTopBar';
import { useStoredLanguage } from '../ui/useStoredLanguage';
import { ApiError, call } from '../ui/http';
import styles from './counter.module.css';
import { LoginForm } from './LoginForm';
import { OpenCounter } from './OpenCounter';
import { PasswordChangeForm } from '../ui/PasswordChangeForm';
import { Dialog } from '../ui/staff/Dialog';
import type { Me } from '../contract/auth';
import type { Notice } from './types';
import type { CounterSnapshot } from '../contract/counters';
import { WorkView } from './WorkView';
import { useLoad } from '../ui/useLoad';

const LANG_KEY = 'sportello.counter.lang';

type Phase =
  | { kind: 'loading' }
  | { kind: 'login' }
  | { kind: 'password'; me: Me }
  | { kind: 'open'; me: Me }
  | { kind: 'work'; me: Me; counterId: string; initial: CounterSnapshot | null };

/** The clerk screen: language, session and which of the three views is shown. */
export function CounterApp() {
  const [lang, changeLang] = useStoredLanguage(LANG_KEY);

  return (
    <IntlClient lang={lang}>
      <CounterScreen lang={lang} onLang={changeLang} />
    </IntlClient>
  );
}

/** Re-opens the shared socket so its handshake carries the current session cookie. */
function reconnectSocket() {
  const s = getSocket();
  s.disconnect();
  s.connect();
}

function CounterScreen({ lang, onLang }: { lang: LanguageCode; onLang: (l: LanguageCode) => void }) {
  const t = useTranslations('counter');
  const tp = useTranslations('staffPassword');
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    document.title = t('pageTitle');
  }, [t]);

  const goFromMe = useCallback((me: Me, initial: CounterSnapshot | null = null) => {
    if (me.mustChangePassword) setPhase({ kind: 'password', me });
    else if (me.counterId) setPhase({ kind: 'work', me, counterId: me.counterId, initial });
    else setPhase({ kind: 'open', me });
  }, []);

  const loadMe = useCallback(async () => {
    try {
      const data = await call(api.me);
      if (data?.staff) goFromMe(data);
      else setPhase({ kind: 'login' });
    } catch (err) {
      setPhase({ kind: 'login' });
      if (!(err instanceof ApiError && (err.status === 401 || err.status === 403)))
        setNotice({ kind: 'error', key: 'errors.network' });
    }
  }, [goFromMe]);

  useLoad(loadMe);

  const onLoggedIn = useCallback(async () => {
    setNotice(null);
    reconnectSocket();
    await loadMe();
  }, [loadMe]);

  const logout = useCallback(async () => {
    try {
      await call(api.logout);
    } catch {
      // the session is dropped locally anyway
    }
    getSocket().disconnect();
    setPhase({ kind: 'login' });
    setNotice({ kind: 'info', key: 'messages.loggedOut' });
  }, []);

  const sessionExpired = useCallback(() => {
    setPhase({ kind: 'login' });
    setNotice({ kind: 'error', key: 'messages.sessionExpired' });
  }, []);

  const me = phase.kind === 'open' || phase.kind === 'work' || phase.kind === 'password' ? phase.me : null;
  const [changingPassword, setChangingPassword] = useState(false);

  const passwordChanged = useCallback(async () => {
    setChangingPassword(false);
    setNotice({ kind: 'success', key: 'messages.passwordChanged' });
    // The socket handshake was refused while the password had to change.
    reconnectSocket();
    await loadMe();
  }, [loadMe]);

  return (
    <div className={styles.app} lang={lang}>
      <StaffTopBar
        namespace="counter"
        lang={lang}
        onLang={onLang}
        user={me ? t('signedInAs', { name: me.staff.displayName }) : null}
        demo={me?.demo ?? false}
        onChangePassword={phase.kind === 'open' || phase.kind === 'work' ? () => setChangingPassword(true) : null}
        onLogout={me ? logout : null}
      />
      {changingPassword && (
        <Dialog title={tp('title')} onClose={() => setChangingPassword(false)} testId="password-dialog">
          <PasswordChangeForm
            styles={styles}
            forced={false}
            onDone={passwordChanged}
            onCancel={() => setChangingPassword(false)}
          />
        </Dialog>
      )}
      {phase.kind === 'password' && (
        <main className={styles.centered}>
          <div className={styles.loginCard} data-testid="password-required">
            <h1 className={styles.loginTitle}>{tp('forcedTitle')}</h1>
            <PasswordChangeForm styles={styles} forced onDone={passwordChanged} />
          </div>
        </main>
      )}
      {phase.kind === 'loading' && (
        <main className={styles.centered} aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      )}
      {phase.kind === 'login' && <LoginForm notice={notice} onNotice={setNotice} onLoggedIn={onLoggedIn} />}
      {phase.kind === 'open' && (
        <OpenCounter
          me={phase.me}
          lang={lang}
          notice={notice}
          onNotice={setNotice}
          onOpened={(snap) => {
            setNotice(null);
            setPhase({
              kind: 'work',
              me: { ...phase.me, counterId: snap.counter.id },
              counterId: snap.counter.id,
              initial: snap,
            });
          }}
          onUnauthorized={sessionExpired}
        />
      )}
      {phase.kind === 'work' && (
        <WorkView
          key={phase.counterId}
          me={phase.me}
          counterId={phase.counterId}
          initial={phase.initial}
          lang={lang}
          onClosed={(n) => {
            setNotice(n);
            setPhase({ kind: 'open', me: { ...phase.me, counterId: null } });
          }}
          onUnauthorized={sessionExpired}
        />
      )}
    </div>
  );
}
