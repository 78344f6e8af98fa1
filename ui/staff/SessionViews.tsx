'use client';
import { useTranslations } from 'use-intl';
import type { ErrorNotice } from '../errorNotice';
import { Dialog } from './Dialog';
import { LoginForm } from './LoginForm';
import { NoticeBox } from './NoticeBox';
import { PasswordChangeForm } from './PasswordChangeForm';
import styles from './staff.module.css';
import type { StaffSession } from './useStaffSession';

/**
 * The views of a staff screen before its own: loading, the login form, the forced password change,
 * and the own-password dialog over any view. Texts and test ids come from the screen's namespace;
 * `errorNotice` turns a failed login into the screen's message.
 */
export function SessionViews({
  session,
  namespace,
  errorNotice,
  reservedNotice = false,
}: {
  session: StaffSession;
  namespace: 'admin' | 'counter';
  errorNotice: (err: unknown) => ErrorNotice;
  /** The message line keeps its height when empty (the clerk's screen). */
  reservedNotice?: boolean;
}) {
  const t = useTranslations(namespace);
  const tp = useTranslations('staffPassword');
  const { state, notice, setNotice, changingPassword, setChangingPassword, passwordChanged } = session;
  return (
    <>
      {changingPassword && (
        <Dialog title={tp('title')} onClose={() => setChangingPassword(false)} testId="password-dialog">
          <PasswordChangeForm forced={false} onDone={passwordChanged} onCancel={() => setChangingPassword(false)} />
        </Dialog>
      )}
      {state.kind === 'loading' && (
        <main className={styles.centered} aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      )}
      {state.kind === 'password' && (
        <main className={styles.centered}>
          <div className={styles.loginCard} data-testid="password-required">
            <h1 className={styles.loginTitle}>{tp('forcedTitle')}</h1>
            <PasswordChangeForm forced onDone={passwordChanged} />
          </div>
        </main>
      )}
      {state.kind === 'login' && (
        <LoginForm
          scope={namespace}
          notice={<NoticeBox namespace={namespace} notice={notice} testId={`${namespace}-message`} reserved={reservedNotice} />}
          onError={(err) =>
            setNotice(err === null ? null : err === 'missing' ? { kind: 'error', key: 'login.missing' } : errorNotice(err))
          }
          onLoggedIn={session.loggedIn}
        />
      )}
    </>
  );
}
