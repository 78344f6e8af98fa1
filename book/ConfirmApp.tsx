'use client';
/**
 * `/book/confirm/<secret>`: the link of the e-mail sent after an online booking. Pressing Confirm
 * turns the held place into a confirmed appointment (and sends the confirmation with the calendar
 * file); opening the page alone changes nothing, so a mail scanner that follows links does not
 * confirm for the citizen.
 */
import { useEffect, useRef, useState } from 'react';
import { IntlProvider, useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { Api } from '../contract/api';
import type { AppointmentView } from '../contract/appointments';
import { call, route } from '../ui/http';
import { errorKey } from '../ui/booking/errors';
import { AppointmentCard } from './AppointmentCard';
import { BookShell } from './BookShell';
import type { BookMessages } from './messages';
import styles from './book.module.css';

// By route, not from contract/api.ts: the contract's schemas (zod, luxon) would weigh more than
// the page on a phone.
const confirmBooking = route<Api['confirmBooking']>('POST', '/api/appointments/confirm');

/** `messages`: the page's texts in every language (book/messages.ts). */
export function ConfirmApp({
  initialLang,
  token,
  messages,
}: {
  initialLang: LanguageCode;
  token: string | null;
  messages: Record<LanguageCode, BookMessages>;
}) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  const [confirmed, setConfirmed] = useState<AppointmentView | null>(null);
  return (
    <IntlProvider locale={lang} messages={messages[lang]} timeZone={confirmed?.timeZone ?? 'Europe/Rome'}>
      <BookShell lang={lang} onLanguage={setLang}>
        <Confirm lang={lang} token={token} confirmed={confirmed} onConfirmed={setConfirmed} />
      </BookShell>
    </IntlProvider>
  );
}

function Confirm({
  lang,
  token,
  confirmed,
  onConfirmed,
}: {
  lang: LanguageCode;
  token: string | null;
  confirmed: AppointmentView | null;
  onConfirmed: (a: AppointmentView) => void;
}) {
  const t = useTranslations('book');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(token ? null : 'errors.confirm_invalid');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [confirmed]);

  async function confirm() {
    if (busy || !token) return;
    setBusy(true);
    setError(null);
    try {
      onConfirmed(await call(confirmBooking, { body: { token } }));
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  }

  if (confirmed) {
    return (
      <div className={styles.flow}>
        <section aria-labelledby="book-step-title" data-testid="book-done">
          <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
            {t('confirm.done')}
          </h2>
          {confirmed.email ? <p className={styles.lead}>{t('confirm.doneText', { email: confirmed.email })}</p> : null}
          <AppointmentCard appointment={confirmed} lang={lang} />
          <a href="/book" className={styles.secondary}>
            {t('done.another')}
          </a>
        </section>
      </div>
    );
  }
  return (
    <div className={styles.flow}>
      <section aria-labelledby="book-step-title" data-testid="book-confirm">
        <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
          {t('confirm.title')}
        </h2>
        <p className={styles.lead}>{t('confirm.intro')}</p>
        {error ? (
          <div className={styles.errorBox} role="alert" data-testid="book-error">
            <p>{t(error)}</p>
          </div>
        ) : null}
        {token ? (
          <button
            type="button"
            className={styles.primary}
            onClick={confirm}
            disabled={busy}
            aria-busy={busy}
            data-testid="book-confirm-submit"
          >
            {busy ? t('confirm.confirming') : t('confirm.button')}
          </button>
        ) : null}
        <a href="/book" className={styles.secondary}>
          {t('manage.bookNew')}
        </a>
      </section>
    </div>
  );
}
