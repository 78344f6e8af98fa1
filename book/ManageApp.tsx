'use client';
/**
 * `/book/manage/<token>`: the citizen's appointment from the link in the e-mail (or the QR code):
 * see it, cancel it, or move it to another time, until the deadline. A tampered or expired link
 * gets a clear page instead (the server checked the token before rendering).
 */
import { localeOf } from '../contract/languages';
import { useEffect, useRef, useState } from 'react';
import { IntlProvider, useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { Api } from '../contract/api';
import type { AppointmentView } from '../contract/appointments';
import { call, route } from '../ui/http';
import { errorKey } from '../ui/booking/errors';
import { AppointmentCard } from './AppointmentCard';
import { BookShell } from './BookShell';
import { SlotPicker, type PickedSlot } from '../ui/booking/SlotPicker';
import type { BookMessages } from './messages';
import styles from './book.module.css';

// By route, not from contract/api.ts: the contract's schemas (zod, luxon) would weigh more than
// the page on a phone.
const api = {
  cancelAppointment: route<Api['cancelAppointment']>('POST', '/api/appointments/{token}/cancel'),
  reschedule: route<Api['reschedule']>('POST', '/api/appointments/{token}/reschedule'),
};

export function ManageApp({
  initialLang,
  appointment,
  error,
  messages,
}: {
  initialLang: LanguageCode;
  appointment: AppointmentView | null;
  error: string | null;
  /** The page's texts in every language (book/messages.ts). */
  messages: Record<LanguageCode, BookMessages>;
}) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  return (
    <IntlProvider locale={lang} messages={messages[lang]} timeZone={appointment?.timeZone ?? 'Europe/Rome'}>
      <BookShell lang={lang} onLanguage={setLang}>
        {appointment ? <Manage lang={lang} initial={appointment} /> : <LinkError code={error ?? 'token_invalid'} />}
      </BookShell>
    </IntlProvider>
  );
}

function LinkError({ code }: { code: string }) {
  const t = useTranslations('book');
  const key =
    code === 'token_expired'
      ? 'manage.expired'
      : code === 'token_revoked'
        ? 'manage.revoked'
        : code === 'not_found'
          ? 'manage.notFound'
          : 'manage.invalid';
  return (
    <section className={styles.errorPanel} data-testid="book-manage-error" data-error={code} aria-labelledby="book-step-title">
      <h2 id="book-step-title" className={styles.stepTitle}>
        {t('manage.errorTitle')}
      </h2>
      <p role="alert">{t(key)}</p>
      <a className={styles.primary} href="/book">
        {t('manage.bookNew')}
      </a>
    </section>
  );
}

type Mode = 'view' | 'confirmCancel' | 'reschedule';

function Manage({ lang, initial }: { lang: LanguageCode; initial: AppointmentView }) {
  const t = useTranslations('book');
  const [a, setA] = useState(initial);
  const [mode, setMode] = useState<Mode>('view');
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; key: string; values?: Record<string, string> } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const deadline = new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: a.timeZone,
  }).format(new Date(a.changeDeadline));

  useEffect(() => {
    headingRef.current?.focus();
  }, [mode]);

  async function act(path: 'cancel' | 'reschedule', startsAt?: string) {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const params = { token: a.token };
      const next =
        path === 'cancel' || !startsAt
          ? await call(api.cancelAppointment, { params })
          : await call(api.reschedule, { params, body: { startsAt } });
      setA(next);
      // Moving gives a new link: keep the address bar in step with it.
      if (next.token !== a.token) window.history.replaceState(null, '', `/book/manage/${next.token}${window.location.search}`);
      setMode('view');
      setSlot(null);
      setMessage(
        path === 'cancel'
          ? { kind: 'ok', key: 'manage.cancelled' }
          : { kind: 'ok', key: 'manage.moved', values: { time: next.time } },
      );
    } catch (e) {
      setMessage({ kind: 'error', key: errorKey(e) });
    } finally {
      setBusy(false);
    }
  }

  const status = t(`status.${a.displayStatus}`);

  return (
    <div className={styles.flow} data-testid="book-manage" data-status={a.status}>
      <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
        {mode === 'reschedule'
          ? t('manage.rescheduleTitle')
          : mode === 'confirmCancel'
            ? t('manage.cancelTitle')
            : t('manage.title')}
      </h2>
      <p className={styles.statusLine}>
        {t('manage.statusLabel')} <strong data-testid="book-manage-status">{status}</strong>
      </p>
      {message ? (
        <p
          className={message.kind === 'ok' ? styles.okBox : styles.errorBox}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="book-manage-message"
        >
          {t(message.key, message.values)}
        </p>
      ) : null}

      {mode === 'view' ? (
        <>
          <AppointmentCard appointment={a} lang={lang} showManage={false} />
          {a.canChange ? (
            <div className={styles.cardActions}>
              <button
                type="button"
                className={styles.primary}
                onClick={() => setMode('reschedule')}
                data-testid="book-manage-reschedule"
              >
                {t('manage.reschedule')}
              </button>
              <button
                type="button"
                className={styles.danger}
                onClick={() => setMode('confirmCancel')}
                data-testid="book-manage-cancel"
              >
                {t('manage.cancel')}
              </button>
            </div>
          ) : null}
          {a.canChange ? (
            <p className={styles.hint}>{t('manage.deadline', { deadline })}</p>
          ) : a.status === 'booked' ? (
            <p className={styles.hint}>{t('manage.deadlinePassed', { deadline })}</p>
          ) : null}
        </>
      ) : null}

      {mode === 'confirmCancel' ? (
        <div className={styles.confirmBox}>
          <p>{t('manage.cancelQuestion', { time: a.time })}</p>
          <div className={styles.cardActions}>
            <button
              type="button"
              className={styles.danger}
              disabled={busy}
              onClick={() => void act('cancel')}
              data-testid="book-manage-cancel-confirm"
            >
              {t('manage.cancelConfirm')}
            </button>
            <button type="button" className={styles.secondary} onClick={() => setMode('view')}>
              {t('manage.keep')}
            </button>
          </div>
        </div>
      ) : null}

      {mode === 'reschedule' ? (
        <>
          <p className={styles.lead}>{t('manage.rescheduleLead', { time: a.time })}</p>
          <SlotPicker
            serviceId={a.service.id}
            officeId={a.office.id}
            lang={lang}
            selected={slot}
            onPick={setSlot}
            exclude={a.startsAt}
            idPrefix="book-move"
          />
          <div className={styles.stickyActions}>
            <button
              type="button"
              className={styles.primary}
              disabled={!slot || busy}
              onClick={() => slot && void act('reschedule', slot.startsAt)}
              data-testid="book-move-confirm"
            >
              {slot ? t('manage.moveTo', { time: slot.time }) : t('when.continue')}
            </button>
          </div>
          <button type="button" className={styles.back} onClick={() => setMode('view')}>
            <span aria-hidden="true" className={styles.backArrow}>
              ←
            </span>{' '}
            {t('back')}
          </button>
        </>
      ) : null}
    </div>
  );
}
