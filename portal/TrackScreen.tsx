'use client';
/**
 * `/portale/track/<trackingCode>`: a procedure's status, legal clock and timeline without signing
 * in, from the link in every e-mail (like the ticket's phone page). No personal data: the API
 * answers none.
 */
import { useCallback, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../contract/api';
import { textIn } from '../contract/lang';
import type { ProcedureTrack } from '../contract/portal';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { ApiError, call } from '../ui/http';
import { useLoad } from '../ui/useLoad';
import { ClockLine, StatusBadge, Timeline } from './ProcedureBits';
import { PortalShell } from './PortalShell';
import styles from './portal.module.css';

export function TrackScreen({ trackingCode, initialLang }: { trackingCode: string; initialLang: LanguageCode }) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  return (
    <IntlClient lang={lang}>
      <Track trackingCode={trackingCode} lang={lang} onLanguage={setLang} />
    </IntlClient>
  );
}

type State = { kind: 'loading' } | { kind: 'found'; track: ProcedureTrack } | { kind: 'missing' } | { kind: 'error' };

function Track({
  trackingCode,
  lang,
  onLanguage,
}: {
  trackingCode: string;
  lang: LanguageCode;
  onLanguage: (l: LanguageCode) => void;
}) {
  const t = useTranslations('citizenPortal');
  const format = useFormatter();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ kind: 'found', track: await call(api.trackProcedure, { params: { trackingCode } }) });
    } catch (e) {
      // A malformed code (400) cannot exist either.
      setState(e instanceof ApiError && (e.status === 404 || e.status === 400) ? { kind: 'missing' } : { kind: 'error' });
    }
  }, [trackingCode]);
  useLoad(load);

  return (
    <PortalShell lang={lang} onLanguage={onLanguage} title={t('track.pageTitle')} testId="portal-track-page">
      <h1 className={styles.h1}>{t('track.heading')}</h1>
      {state.kind === 'loading' ? (
        <p className={styles.muted} role="status">
          {t('loading')}
        </p>
      ) : null}
      {state.kind === 'missing' || state.kind === 'error' ? (
        <section className={styles.panel} data-testid="portal-track-missing" aria-labelledby="portal-track-missing-title">
          <h2 id="portal-track-missing-title" className={styles.sectionTitle}>
            {state.kind === 'missing' ? t('track.notFoundTitle') : t('errors.generic')}
          </h2>
          <p role="alert">{state.kind === 'missing' ? t('track.notFound') : t('errors.network')}</p>
          <a className={styles.secondary} href={`/portale?lang=${lang}`}>
            {t('track.signIn')}
          </a>
        </section>
      ) : null}
      {state.kind === 'found' ? (
        <>
          <article className={styles.card} aria-labelledby="portal-track-service" data-testid="portal-track">
            <h2 id="portal-track-service" className={styles.cardTitle}>
              {textIn(state.track.service.name, lang)}
            </h2>
            <dl className={styles.facts}>
              <div className={styles.fact}>
                <dt>{t('detail.protocol')}</dt>
                <dd dir="ltr" className={styles.protocol} data-testid="portal-track-protocol">
                  {state.track.protocolNumber}
                </dd>
              </div>
              <div className={styles.fact}>
                <dt>{t('detail.submitted')}</dt>
                <dd>{format.dateTime(new Date(state.track.submittedAt), { dateStyle: 'medium' })}</dd>
              </div>
            </dl>
            <p className={styles.statusRow}>
              <span className={styles.statusLabel}>{t('detail.status')}</span>{' '}
              <StatusBadge status={state.track.status} testId="portal-track-status" />
            </p>
            <ClockLine clock={state.track.clock} testId="portal-track-clock" />
          </article>
          <Timeline events={state.track.events} titleId="portal-track-timeline" />
          <p className={styles.hint}>{t('track.privacy')}</p>
          <a className={styles.secondary} href={`/portale?lang=${lang}`} data-testid="portal-track-signin">
            {t('track.signIn')}
          </a>
        </>
      ) : null}
    </PortalShell>
  );
}
