'use client';
import { dirOf, textIn } from '../contract/languages';
import { useCallback, useEffect, useRef, useState } from 'react';
import { IntlProvider, useFormatter, useTranslations } from 'use-intl';
import { isLanguage, type LanguageCode } from '../i18n/languages';
import { PhoneTopBar } from '../ui/PhoneTopBar';
import { useDocumentLanguage } from '../ui/useDocumentLanguage';
import { getSocket, useSubscription } from '../ui/socket';
import type { Api } from '../contract/api';
import type { TicketPublic } from '../contract/tickets';
import { ApiError, call, route } from '../ui/http';
import { isPlainCounterName } from '../ui/counterName';
import type { TicketMessages } from './messages';
import { newestTicket } from './newest';
import styles from './ticket.module.css';

const LANG_KEY = 'sportello.lang';
const FIRST_CONNECT_GRACE_MS = 4000;

// The page's endpoints by route, not from contract/api.ts: the contract's schemas (zod, luxon)
// would weigh more than the page itself on a phone's data plan.
const api = {
  ticket: route<Api['ticket']>('GET', '/api/tickets/{code}'),
  cancelTicket: route<Api['cancelTicket']>('POST', '/api/tickets/{code}/cancel'),
};

export interface TicketScreenProps {
  code: string;
  initialLang: LanguageCode;
  /**
   * What chose `initialLang`: `?lang=` (the citizen switched) or the ticket's own language win over
   * this phone's earlier choice and the browser's language; `browser` lets them refine it.
   */
  langSource: 'query' | 'ticket' | 'browser';
  /** The page's texts in every language (ticket/messages.ts). */
  messages: Record<LanguageCode, TicketMessages>;
}

/** The citizen's phone page: `/t/<code>` from the ticket's QR code. */
export function TicketScreen({ code, initialLang, langSource, messages }: TicketScreenProps) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);

  // Without ?lang= nor a known ticket, a language picked earlier on this phone, else the browser's language.
  useEffect(() => {
    if (langSource !== 'browser') return;
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(LANG_KEY);
    } catch {
      /* private mode */
    }
    if (isLanguage(stored)) {
      // After hydration on purpose: the server render cannot know this phone's choice.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setLang(stored);
      return;
    }
    for (const l of navigator.languages?.length ? navigator.languages : [navigator.language]) {
      const base = l?.toLowerCase().split('-')[0];
      if (isLanguage(base)) {
        setLang(base);
        return;
      }
    }
  }, [langSource]);

  useDocumentLanguage(lang);

  const choose = useCallback((l: LanguageCode) => {
    setLang(l);
    try {
      window.localStorage.setItem(LANG_KEY, l);
    } catch {
      /* private mode */
    }
    const url = new URL(window.location.href);
    url.searchParams.set('lang', l);
    window.history.replaceState(window.history.state, '', url);
  }, []);

  return (
    <IntlProvider locale={lang} messages={messages[lang]} timeZone="Europe/Rome">
      <TicketView code={code} lang={lang} onLanguage={choose} />
    </IntlProvider>
  );
}

function TicketView({ code, lang, onLanguage }: { code: string; lang: LanguageCode; onLanguage: (l: LanguageCode) => void }) {
  const t = useTranslations('ticket');
  const tc = useTranslations('common');
  const format = useFormatter();

  const { data: ticket, setData, error, connected } = useSubscription('ticket:subscribe', { code }, newestTicket);

  // Deltas for this ticket.
  useEffect(() => {
    const socket = getSocket();
    const onTicket = (tp: TicketPublic) => {
      if (tp.code === code) setData((shown) => newestTicket(shown, tp));
    };
    socket.on('ticket', onTicket);
    return () => {
      socket.off('ticket', onTicket);
    };
  }, [code, setData]);

  // "Connection lost" only after the first attempt had a fair chance.
  const [graceOver, setGraceOver] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);
  if (connected && !everConnected) setEverConnected(true);
  const offline = !connected && (everConnected || graceOver);

  // Notifications.
  const notifSupported = typeof window !== 'undefined' && 'Notification' in window;
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>('unsupported');
  useEffect(() => {
    // After hydration on purpose: the server render has no Notification API.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if ('Notification' in window) setPermission(Notification.permission);
  }, []);
  const askPermission = async () => {
    if (!('Notification' in window)) return;
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission(Notification.permission);
    }
  };

  // Alert on the transition to "called" (and on a recall while called: calledAt changes).
  const counterLabel = (c: { number: number; name: string }) =>
    isPlainCounterName(c.name, c.number) ? t('goToCounter', { counter: c.number }) : t('goToNamed', { name: c.name });
  const prevStatus = useRef<TicketPublic['status'] | null>(null);
  const prevCalledAt = useRef<string | null>(null);
  useEffect(() => {
    if (!ticket) return;
    const was = prevStatus.current;
    const wasCalledAt = prevCalledAt.current;
    prevStatus.current = ticket.status;
    prevCalledAt.current = ticket.calledAt;
    // Only a change seen on this page buzzes: not the first snapshot, not a repeat after a reconnect.
    if (ticket.status !== 'called' || was === null) return;
    if (was === 'called' && wasCalledAt === ticket.calledAt) return;
    try {
      navigator.vibrate?.([300, 100, 300]);
    } catch {
      /* some browsers refuse without a recent gesture */
    }
    if ('Notification' in window && Notification.permission === 'granted' && ticket.counter) {
      try {
        new Notification(t('notificationTitle', { number: ticket.number }), {
          body: counterLabel(ticket.counter),
          tag: `sportello-${ticket.code}`,
          requireInteraction: true,
        });
      } catch {
        /* Android Chrome only allows notifications from a service worker: the page itself still changes */
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticket]);

  // Tab title: the number, or the call when it is the citizen's turn (visible in the tab bar).
  useEffect(() => {
    if (!ticket) return;
    document.title =
      ticket.status === 'called' && ticket.counter
        ? `🔔 ${t('docTitleTurn', { counter: ticket.counter.number })}`
        : `${ticket.number} — ${t('pageTitle')}`;
  }, [ticket, t]);

  // Leaving the queue.
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [leaveError, setLeaveError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const leave = async () => {
    setBusy(true);
    setLeaveError(null);
    try {
      const left = await call(api.cancelTicket, { params: { code } });
      setData((shown) => newestTicket(shown, left));
      setConfirming(false);
    } catch (err) {
      if (err instanceof ApiError && err.status > 0) {
        // Refused (already called, say): show why, and the ticket as it is now.
        setLeaveError(err.status === 409 ? t('leaveFailed') : tc('error'));
        setConfirming(false);
        const fresh = await call(api.ticket, { params: { code } }).catch(() => null);
        if (fresh) setData((shown) => newestTicket(shown, fresh));
      } else setLeaveError(tc('error'));
    } finally {
      setBusy(false);
    }
  };

  const serviceName = ticket ? textIn(ticket.service.name, lang) : '';
  const officeName = ticket ? textIn(ticket.office.name, lang) : '';
  const isTurn = ticket?.status === 'called';
  const notFound = error?.code === 'not_found' || error?.code === 'invalid_input'; // a malformed code cannot exist either

  return (
    <div className={`${styles.page} ${isTurn ? styles.pageTurn : ''}`} lang={lang} dir={dirOf(lang)} data-testid="ticket-page">
      <PhoneTopBar brand={officeName || tc('appName')} lang={lang} languageLabel={tc('language')} onLanguage={onLanguage} />

      {offline && (
        <p className={styles.offline} role="status">
          {tc('offline')}
        </p>
      )}

      <main className={styles.main}>
        {!ticket && !error && (
          <p className={styles.loading} role="status">
            {tc('loading')}
          </p>
        )}

        {!ticket && error && (
          <section className={styles.card} role="alert" data-testid="ticket-not-found">
            <h1 className={styles.title}>{notFound ? t('notFoundTitle') : tc('error')}</h1>
            {notFound && <p className={styles.text}>{t('notFoundText')}</p>}
          </section>
        )}

        {ticket && isTurn && (
          <section className={styles.turn} aria-labelledby="ticket-turn-h">
            <div role="alert" className={styles.turnAlert}>
              <h1 id="ticket-turn-h" className={styles.turnTitle}>
                {t('yourTurn')}
              </h1>
              <p className={styles.turnNumber} data-testid="ticket-number" dir="ltr">
                {ticket.number}
              </p>
              {ticket.counter && (
                <p className={styles.turnCounter} data-testid="ticket-counter" data-counter={ticket.counter.number}>
                  {isPlainCounterName(ticket.counter.name, ticket.counter.number) ? (
                    <>
                      <span className={styles.turnGo}>{t('goToLabel')} </span>
                      <span className={styles.turnCounterNumber}>{ticket.counter.number}</span>
                    </>
                  ) : (
                    <>
                      <span className={styles.turnGo}>{t('goToNamedLabel')} </span>
                      <span className={styles.turnCounterName}>{ticket.counter.name}</span>
                    </>
                  )}
                </p>
              )}
            </div>
            <p className={styles.turnStatus} data-testid="ticket-status" data-status={ticket.status}>
              {t('status.called')}
            </p>
            <p className={styles.turnService}>{serviceName}</p>
          </section>
        )}

        {ticket && !isTurn && (
          <section className={styles.card} aria-labelledby="ticket-number-h">
            <h1 id="ticket-number-h" className={styles.label}>
              {t('number')}
            </h1>
            <p className={styles.number} data-testid="ticket-number" dir="ltr">
              {ticket.number}
            </p>
            <p className={styles.service}>
              <span className="visually-hidden">{t('service')}: </span>
              {serviceName}
            </p>

            <div aria-live="polite" aria-atomic="true">
              <p className={`${styles.status} ${styles[`status_${ticket.status}`] ?? ''}`}>
                <span className={styles.statusLabel}>{t('statusLabel')}: </span>
                <strong data-testid="ticket-status" data-status={ticket.status}>
                  {t(`status.${ticket.status}`)}
                </strong>
              </p>

              {ticket.status === 'waiting' && (
                <dl className={styles.facts}>
                  <div className={styles.fact}>
                    <dt>{t('aheadLabel')}</dt>
                    <dd>
                      <span className={styles.factValue} data-testid="ticket-position" data-position={ticket.position ?? ''}>
                        {ticket.position ?? '–'}
                      </span>
                      {ticket.position === 0 && <span className={styles.factNote}>{t('ahead', { count: 0 })}</span>}
                    </dd>
                  </div>
                  {ticket.estimatedWaitMinutes !== null && (
                    <div className={styles.fact}>
                      <dt>{t('estimatedWait')}</dt>
                      <dd className={styles.factWait}>
                        {t('aboutMinutes', { count: Math.max(0, Math.round(ticket.estimatedWaitMinutes)) })}
                        {ticket.estimatedWaitMinMinutes !== null &&
                          ticket.estimatedWaitMaxMinutes !== null &&
                          ticket.estimatedWaitMinMinutes < ticket.estimatedWaitMaxMinutes && (
                            <span className={styles.waitRange} data-testid="ticket-wait-range">
                              {t('waitRange', { low: ticket.estimatedWaitMinMinutes, high: ticket.estimatedWaitMaxMinutes })}
                            </span>
                          )}
                      </dd>
                    </div>
                  )}
                </dl>
              )}

              {ticket.status === 'serving' && ticket.counter && (
                <p className={styles.text} data-testid="ticket-counter" data-counter={ticket.counter.number}>
                  {isPlainCounterName(ticket.counter.name, ticket.counter.number)
                    ? t('servingAt', { counter: ticket.counter.number })
                    : t('servingAtNamed', { name: ticket.counter.name })}
                </p>
              )}
              {ticket.status === 'completed' && <p className={styles.text}>{t('completedText')}</p>}
              {ticket.status === 'no_show' && <p className={styles.text}>{t('noShowText')}</p>}
              {ticket.status === 'cancelled' && <p className={styles.text}>{t('cancelledText')}</p>}
              {leaveError && (
                <p className={styles.errorText} role="alert">
                  {leaveError}
                </p>
              )}
            </div>

            {ticket.status === 'waiting' && (
              <>
                <p className={styles.hint}>{t('keepOpen')}</p>

                {notifSupported && permission === 'default' && (
                  <button type="button" className={styles.secondaryButton} onClick={askPermission}>
                    {t('notify')}
                  </button>
                )}
                {permission === 'granted' && <p className={styles.hint}>{t('notifyOn')}</p>}
                {permission === 'denied' && <p className={styles.hint}>{t('notifyDenied')}</p>}

                {!confirming ? (
                  <button
                    type="button"
                    className={styles.leaveButton}
                    data-testid="ticket-leave"
                    onClick={() => setConfirming(true)}
                  >
                    {t('leave')}
                  </button>
                ) : (
                  <div className={styles.confirm} ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="ticket-leave-q">
                    <p id="ticket-leave-q" className={styles.confirmText}>
                      {t('leaveQuestion')}
                    </p>
                    <div className={styles.confirmButtons}>
                      <button
                        type="button"
                        className={styles.dangerButton}
                        data-testid="ticket-leave-confirm"
                        disabled={busy}
                        onClick={leave}
                      >
                        {t('leaveConfirm')}
                      </button>
                      <button
                        type="button"
                        className={styles.secondaryButton}
                        disabled={busy}
                        onClick={() => setConfirming(false)}
                      >
                        {t('leaveCancel')}
                      </button>
                    </div>
                  </div>
                )}
              </>
            )}

            <p className={styles.meta}>
              {t('issuedAt', {
                time: format.dateTime(new Date(ticket.issuedAt), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
              })}
              {' · '}
              {officeName}
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
