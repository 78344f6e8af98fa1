'use client';
/**
 * Pairing this browser with a registered kiosk (server/printing/kiosk-pairing.ts). The code comes
 * from the admin's link; nothing happens until the installer confirms, so a link preview or
 * prefetch cannot spend it. On success the server sets the kiosk cookie and we open the kiosk.
 */
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { api } from '../contract/api';
import { ApiError, call } from '../ui/http';
import styles from './pair.module.css';

export function PairScreen({ code, lang }: { code: string; lang: LanguageCode }) {
  return (
    <IntlClient lang={lang}>
      <PairForm initialCode={code} />
    </IntlClient>
  );
}

function PairForm({ initialCode }: { initialCode: string }) {
  const t = useTranslations('kiosk.pair');
  const [code, setCode] = useState(initialCode);
  const [state, setState] = useState<'idle' | 'busy' | 'invalid' | 'error'>('idle');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('busy');
    try {
      const body = await call(api.pairKiosk, { body: { code } });
      // Same origin whatever address the registration printed (the kiosk may sit behind a proxy).
      const url = new URL(body.kioskUrl);
      window.location.assign(url.pathname + url.search);
    } catch (err) {
      setState(err instanceof ApiError && err.status === 403 ? 'invalid' : 'error');
    }
  };

  return (
    <main className={styles.main}>
      <form className={styles.card} onSubmit={submit} data-testid="kiosk-pair">
        <h1 className={styles.title}>{t('title')}</h1>
        <p className={styles.lead}>{t('explain')}</p>
        <label className={styles.field}>
          <span>{t('code')}</span>
          <input
            className={styles.input}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={40}
            data-testid="kiosk-pair-code"
          />
        </label>
        {state === 'invalid' || state === 'error' ? (
          <p className={styles.error} role="alert" data-testid="kiosk-pair-error">
            {t(state)}
          </p>
        ) : null}
        <button
          className={styles.button}
          type="submit"
          disabled={state === 'busy' || !code.trim()}
          data-testid="kiosk-pair-submit"
        >
          {t('submit')}
        </button>
      </form>
    </main>
  );
}
