'use client';
/**
 * The walk-in ticket kiosk (`/kiosk`): language, category or search, service, priority, ticket.
 * Any step falls back to the start screen (and the default language) after a visible,
 * extendable inactivity countdown, so the next citizen always finds a clean kiosk.
 */
import type { Category, Service } from '../contract/catalog';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { getSocket } from '../ui/socket';
import { walkInRecheckDelay } from '../ui/walkInRecheck';
import { errorKind, issueTicket, loadCatalog, officeClosed, pick, type KioskCatalog, type KioskPriority } from './api';
import { GlobeIcon, HourglassIcon, TicketIcon } from './icons';
import { AppointmentScreen } from './screens/AppointmentScreen';
import { CategoryScreen } from './screens/CategoryScreen';
import { ErrorScreen, errorMessageKey } from './screens/ErrorScreen';
import { IssuingScreen } from './screens/IssuingScreen';
import { PriorityScreen } from './screens/PriorityScreen';
import { StartScreen, type CatalogState } from './screens/StartScreen';
import { rangeOf, TicketScreen, waitPhrase } from './screens/TicketScreen';
import { initialKioskState, isIdle, kioskReducer, type Origin } from './flow';
import { searchServices } from './search';
import { CheckedInScreen } from './screens/CheckedInScreen';
import { CheckInScreen } from './screens/CheckInScreen';
import { ClosedNotice } from './ClosedNotice';
import { useIdleCountdown } from './useIdleCountdown';
import styles from './kiosk.module.css';
import { useLoad } from '../ui/useLoad';

/** Seconds without a touch before the kiosk returns to the start screen. */
export const IDLE_SECONDS = 30;
export const TICKET_IDLE_SECONDS = 20;
/** Under this many seconds left, the countdown turns into a warning. */
const WARNING_SECONDS = 10;
/** The catalogue is reloaded on the way back to the start screen when older than this. */
const CATALOG_MAX_AGE_MS = 5 * 60_000;
const CATALOG_RETRY_MS = 20_000;

export interface KioskProps {
  /** The office this kiosk stands in; the one-stop desk when absent. */
  officeId?: string;
  /** The language the kiosk starts in and returns to. */
  defaultLang: LanguageCode;
  /**
   * The registered kiosk this browser is paired with (its cookie, see server/printing/kiosk-pairing.ts):
   * its printer prints the tickets taken here, and citizens may declare a priority. Absent: an
   * unpaired screen, which gives plain tickets on screen only.
   */
  kioskId?: string;
}

export function Kiosk({ officeId, defaultLang, kioskId }: KioskProps) {
  const [lang, setLang] = useState<LanguageCode>(defaultLang);
  return (
    <IntlClient lang={lang}>
      <KioskApp officeId={officeId} defaultLang={defaultLang} kioskId={kioskId} lang={lang} setLang={setLang} />
    </IntlClient>
  );
}

function KioskApp({
  officeId,
  defaultLang,
  kioskId,
  lang,
  setLang,
}: KioskProps & { lang: LanguageCode; setLang: (l: LanguageCode) => void }) {
  const t = useTranslations('kiosk');
  const tc = useTranslations('common');
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  const { step, searching, query } = state;

  /* ---------- catalogue ---------- */
  const [catalog, setCatalog] = useState<KioskCatalog | null>(null);
  const [catalogState, setCatalogState] = useState<CatalogState>({ status: 'loading' });
  const loadedAt = useRef(0);
  const loading = useRef(false);
  /** An admin changed services or categories since the catalogue was loaded. */
  const stale = useRef(false);
  /** Nobody is using the kiosk: the catalogue may change under the start screen. */
  const idle = useRef(true);
  useEffect(() => {
    idle.current = isIdle(state);
  }, [state]);

  /** Loads the catalogue; the first load shows 'loading' by the initial state, later ones by `reloadCatalog`. */
  const fetchCatalog = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      // Again if a change arrived while loading, as long as nobody has started using the kiosk.
      do {
        stale.current = false;
        setCatalog(await loadCatalog(officeId));
      } while (stale.current && idle.current);
      loadedAt.current = Date.now();
      setCatalogState({ status: 'ready' });
    } catch {
      // Keep showing the last good catalogue if there is one.
      setCatalogState({ status: 'error' });
    } finally {
      loading.current = false;
    }
  }, [officeId]);

  useLoad(fetchCatalog);

  const reloadCatalog = useCallback(async () => {
    if (loading.current) return;
    setCatalogState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    await fetchCatalog();
  }, [fetchCatalog]);

  // Admin changes reach the kiosk without a reload (server publishCatalogChanged): at once when
  // idle, else when the citizen is back on the start screen. A reconnect may have missed one.
  useEffect(() => {
    const socket = getSocket();
    let reconnect = false;
    const changed = () => {
      stale.current = true;
      if (idle.current) void reloadCatalog();
    };
    const subscribe = () => {
      socket.emit('kiosk:subscribe', {}, () => undefined);
      if (reconnect) changed();
      reconnect = true;
    };
    socket.on('connect', subscribe);
    socket.on('catalogChanged', changed);
    if (socket.connected) subscribe();
    return () => {
      socket.off('connect', subscribe);
      socket.off('catalogChanged', changed);
    };
  }, [reloadCatalog]);

  // While nothing could be loaded, keep trying by itself: a kiosk has nobody to press "retry".
  useEffect(() => {
    if (catalogState.status !== 'error') return;
    const id = window.setTimeout(() => void reloadCatalog(), CATALOG_RETRY_MS);
    return () => window.clearTimeout(id);
  }, [catalogState, reloadCatalog]);

  // The office opens and closes by the clock (changes of hours or closures are pushed): look again
  // just after the next announced change. Idle: reload now; in use: when back at the start.
  const walkIn = catalog?.walkIn;
  useEffect(() => {
    if (!walkIn) return;
    const id = window.setTimeout(
      () => {
        stale.current = true;
        if (idle.current) void reloadCatalog();
      },
      walkInRecheckDelay(walkIn, Date.now()),
    );
    return () => window.clearTimeout(id);
  }, [walkIn, reloadCatalog]);
  const closed =
    walkIn && !walkIn.open ? { nextOpensAt: walkIn.nextOpensAt, timeZone: catalog?.office?.timeZone ?? 'Europe/Rome' } : null;

  const services = useMemo(() => catalog?.services ?? [], [catalog]);
  const categories = useMemo(() => catalog?.categories ?? [], [catalog]);
  const countByCategory = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of services) m.set(s.category.id, (m.get(s.category.id) ?? 0) + 1);
    return m;
  }, [services]);
  const results = useMemo(() => (searching ? searchServices(services, query, lang) : []), [searching, services, query, lang]);

  /* ---------- language on the whole document too (screen readers, hyphenation) ---------- */
  useEffect(() => {
    const html = document.documentElement;
    const previous = html.lang;
    html.lang = lang;
    return () => {
      html.lang = previous;
    };
  }, [lang]);

  /* ---------- navigation ---------- */
  const startOver = useCallback(() => {
    dispatch({ type: 'startOver' });
    setLang(defaultLang);
    if (stale.current || Date.now() - loadedAt.current > CATALOG_MAX_AGE_MS) void reloadCatalog();
  }, [defaultLang, reloadCatalog, setLang]);

  const requestSeq = useRef(0);
  const issue = useCallback(
    async (service: Service, priority: KioskPriority, from: Origin) => {
      const request = ++requestSeq.current;
      dispatch({ type: 'issue', service, priority, from, request });
      try {
        const ticket = await issueTicket({ serviceId: service.id, priority, lang, kioskId });
        dispatch({ type: 'issued', request, ticket });
      } catch (e) {
        const closedNow = officeClosed(e);
        dispatch({ type: 'issueFailed', request, failure: closedNow ? { closed: closedNow } : { kind: errorKind(e) } });
        if (closedNow) {
          // The office's hours changed under the citizen: the start screen must say so too.
          stale.current = true;
          void reloadCatalog();
        }
      }
    },
    [lang, kioskId, reloadCatalog],
  );

  // Only a paired kiosk screen may declare a priority (the server refuses it from anyone else):
  // an unpaired screen issues a plain ticket straight away.
  const chooseService = (service: Service) => {
    if (kioskId || service.mode === 'appointment') dispatch({ type: 'service', service });
    else
      void issue(
        service,
        'none',
        step.name === 'category' ? { name: 'category', categoryId: step.categoryId } : { name: 'search' },
      );
  };

  /* ---------- the result, announced politely (the live region is always in the DOM) ---------- */
  let announcement = '';
  if (step.name === 'ticket') {
    const tk = step.ticket;
    const ahead = t('aheadText', { count: Math.max(0, tk.position ?? 0) });
    const wait = waitPhrase(t, tk.estimatedWaitMinutes, rangeOf(tk)) ?? '';
    announcement = t('ticketAnnounce', { number: tk.number, ahead, wait });
  } else if (step.name === 'error') {
    announcement = t(errorMessageKey(step.kind));
  }

  /* ---------- focus follows the step, so a screen reader announces where the citizen is ---------- */
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (step.name === 'home' && searching) return; // the search box keeps the focus
    headingRef.current?.focus({ preventScroll: true });
  }, [step, searching]);

  /* ---------- inactivity ---------- */
  const idleActive = step.name !== 'issuing' && (step.name !== 'home' || searching || query !== '' || lang !== defaultLang);
  const idleSeconds = step.name === 'ticket' || step.name === 'checkedIn' ? TICKET_IDLE_SECONDS : IDLE_SECONDS;
  const { remaining, extend } = useIdleCountdown({
    active: idleActive,
    seconds: idleSeconds,
    resetKey: `${step.name}:${searching}`,
    rootRef,
    onExpire: startOver,
  });
  const warning = idleActive && remaining <= WARNING_SECONDS;

  /* ---------- screens ---------- */
  let screen: ReactNode;
  switch (step.name) {
    case 'home':
      screen = (
        <StartScreen
          lang={lang}
          headingRef={headingRef}
          searching={searching}
          query={query}
          onQuery={(q) => dispatch({ type: 'query', query: q })}
          onOpenSearch={() => dispatch({ type: 'openSearch' })}
          onCloseSearch={() => dispatch({ type: 'closeSearch' })}
          results={results}
          categories={categories}
          countByCategory={countByCategory}
          catalog={catalogState}
          onRetryCatalog={() => void reloadCatalog()}
          onCategory={(c: Category) => dispatch({ type: 'category', categoryId: c.id })}
          onService={chooseService}
          onCheckIn={() => dispatch({ type: 'checkIn' })}
          closed={closed}
        />
      );
      break;
    case 'closed':
      screen = (
        <div className={`${styles.screen} ${styles.centered}`}>
          <ClosedNotice
            lang={lang}
            nextOpensAt={step.nextOpensAt}
            timeZone={catalog?.office?.timeZone ?? 'Europe/Rome'}
            headingRef={headingRef}
          />
          <div className={styles.actions}>
            <button type="button" className={styles.primaryButton} onClick={startOver} data-testid="kiosk-closed-start-over">
              {t('startOver')}
            </button>
          </div>
        </div>
      );
      break;
    case 'checkin':
      screen = (
        <CheckInScreen
          lang={lang}
          headingRef={headingRef}
          kioskId={kioskId}
          onBack={() => dispatch({ type: 'home' })}
          onDone={(result) => dispatch({ type: 'checkedIn', result })}
        />
      );
      break;
    case 'checkedIn':
      screen = (
        <CheckedInScreen
          lang={lang}
          headingRef={headingRef}
          result={step.result}
          kioskOfficeId={catalog?.office?.id}
          onDone={startOver}
        />
      );
      break;
    case 'category': {
      const category = categories.find((c) => c.id === step.categoryId);
      screen = category ? (
        <CategoryScreen
          lang={lang}
          headingRef={headingRef}
          category={category}
          services={services.filter((s) => s.category.id === category.id)}
          onBack={() => dispatch({ type: 'home' })}
          onService={chooseService}
        />
      ) : (
        <ErrorScreen headingRef={headingRef} kind="notFound" onRetry={null} onStartOver={startOver} />
      );
      break;
    }
    case 'appointment':
      screen = (
        <AppointmentScreen
          lang={lang}
          headingRef={headingRef}
          service={step.service}
          office={catalog?.offices.find((o) => o.id === step.service.officeId)}
          onBack={() => dispatch({ type: 'back', from: step.from })}
          onStartOver={startOver}
          kioskId={kioskId}
        />
      );
      break;
    case 'priority':
      screen = (
        <PriorityScreen
          lang={lang}
          headingRef={headingRef}
          service={step.service}
          onBack={() => dispatch({ type: 'back', from: step.from })}
          onChoose={(p) => void issue(step.service, p, step.from)}
        />
      );
      break;
    case 'issuing':
      screen = <IssuingScreen headingRef={headingRef} />;
      break;
    case 'ticket':
      screen = <TicketScreen lang={lang} headingRef={headingRef} ticket={step.ticket} onDone={startOver} />;
      break;
    case 'error':
      screen = (
        <ErrorScreen
          headingRef={headingRef}
          kind={step.kind}
          onRetry={step.kind === 'notFound' ? null : () => void issue(step.service, step.priority, step.from)}
          onStartOver={startOver}
        />
      );
      break;
  }

  const officeName = catalog?.office ? pick(lang, catalog.office.name, catalog.office.nameEn) : null;

  return (
    <div ref={rootRef} lang={lang} className={styles.root} data-step={step.name} data-testid="kiosk">
      <header className={styles.topbar}>
        <div className={styles.brand}>
          <TicketIcon />
          <span className={styles.brandName}>{tc('appName')}</span>
          {officeName ? <span className={styles.officeName}>{officeName}</span> : null}
        </div>
        <LanguageSwitch
          lang={lang}
          onLanguage={setLang}
          label={t('languageLabel')}
          testIdPrefix="kiosk-lang"
          className={styles.languages}
          buttonClassName={styles.langButton}
          icon={<GlobeIcon />}
        />
      </header>
      <main className={styles.main}>
        {screen}
        <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {announcement}
        </div>
      </main>
      {idleActive ? (
        <footer className={styles.idle} data-warning={warning ? 'true' : 'false'} data-testid="kiosk-idle">
          <div className={styles.idleText}>
            <HourglassIcon />
            <span>{t('idleCountdown', { seconds: remaining })}</span>
          </div>
          <div className={styles.idleTrack} aria-hidden="true">
            <div className={styles.idleFill} style={{ width: `${Math.min(100, (remaining / idleSeconds) * 100)}%` }} />
          </div>
          <button type="button" className={styles.moreTime} onClick={extend} data-testid="kiosk-more-time">
            {t('moreTime')}
          </button>
          <p className="visually-hidden" role="status" aria-live="assertive">
            {warning ? t('idleWarning') : ''}
          </p>
        </footer>
      ) : null}
    </div>
  );
}
