'use client';
/**
 * `/book/confirm/<secret>`: the link of the e-mail sent after an online booking. Pressing Confirm
 * turns the held place into a confirmed appointment (and sends the confirmation with the calendar
 * file); opening the page alone changes nothing, so a mail scanner that follows links does not
 * confirm for the citizen.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { api } from '../contract/api';
import type { AppointmentView } from '../contract/appointments';
import { call } from '../ui/http';
import { errorKey } from '../ui/booking/errors';
import { AppointmentCard } from './AppointmentCard';
import { BookShell } from './BookShell';
import styles from './book.module.css';

export function ConfirmApp({ initialLang, token }: { initialLang: LanguageCode; token: string | null }) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  const [confirmed, setConfirmed] = useState<AppointmentView | null>(null);
  return (
    <IntlClient lang={lang} timeZone={confirmed?.timeZone}>
      <BookShell lang={lang} onLanguage={setLang}>
        <Confirm lang={lang} token={token} confirmed={confirmed} onConfirmed={setConfirmed} />
      </BookShell>
    </IntlClient>
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
      onConfirmed(await call(api.confirmBooking, { body: { token } }));
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
