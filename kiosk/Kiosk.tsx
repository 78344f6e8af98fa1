'use client';
/**
 * The walk-in ticket kiosk (`/kiosk`): language, category or search, service, priority, ticket.
 * Any step falls back to the start screen (and the default language) after a visible,
 * extendable inactivity countdown, so the next citizen always finds a clean kiosk.
 */
import { dirOf, speechTag, textIn } from '../contract/languages';
import type { Category, Service } from '../contract/catalog';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { IntlProvider, useTranslations } from '../ui/intl';
import type { LanguageCode } from '../i18n/languages';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { walkInRecheckDelay } from '../ui/walkInRecheck';
import { errorKind, issueTicket, loadCatalog, officeClosed, type KioskCatalog, type KioskPriority } from './api';
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
import { FollowScreen } from './screens/FollowScreen';
import { ClosedNotice } from './ClosedNotice';
import { useIdleCountdown } from './useIdleCountdown';
import { accessChanged, rateOf, volumeOf } from './access';
import { AccessBar } from './AccessBar';
import type { SpeechWords } from './listen';
import { useKeypad } from './useKeypad';
import { useListen } from './useListen';
import kiosk from './kiosk.module.css';
import styles from './shell.module.css';
import accessStyles from './access.module.css';
import { useLoad } from '../ui/useLoad';
import { watchCatalog } from './catalogFeed';
import type { KioskMessages } from './messages';

/** Seconds without a touch before the kiosk returns to the start screen. */
export const IDLE_SECONDS = 30;
export const TICKET_IDLE_SECONDS = 20;
/** Listen mode gives this many times the time: hearing a screen takes longer than seeing it. */
const LISTEN_TIME_FACTOR = 2;
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

/** `messages`: the kiosk's texts in every language (kiosk/messages.ts), from the page. */
export function Kiosk({
  officeId,
  defaultLang,
  kioskId,
  messages,
}: KioskProps & { messages: Record<LanguageCode, KioskMessages> }) {
  const [lang, setLang] = useState<LanguageCode>(defaultLang);
  return (
    <IntlProvider locale={lang} messages={messages[lang]} timeZone="Europe/Rome">
      <KioskApp officeId={officeId} defaultLang={defaultLang} kioskId={kioskId} lang={lang} setLang={setLang} />
    </IntlProvider>
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
  const { step, searching, query, access } = state;

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
  useEffect(
    () =>
      watchCatalog(() => {
        stale.current = true;
        if (idle.current) void reloadCatalog();
      }),
    [reloadCatalog],
  );

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

  /* ---------- language and direction on the whole document too (screen readers, hyphenation) ---------- */
  const dir = dirOf(lang);
  useEffect(() => {
    const html = document.documentElement;
    const previous = { lang: html.lang, dir: html.dir };
    html.lang = lang;
    html.dir = dir;
    return () => {
      html.lang = previous.lang;
      html.dir = previous.dir;
    };
  }, [lang, dir]);

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

  /* ---------- listen mode and the keypad (EN 301 549 5.1.3, 8: speech output, keys) ---------- */
  const help = t(`access.help.${step.name === 'home' && searching ? 'search' : step.name}`);
  const words: SpeechWords = useMemo(
    () => ({
      on: t('access.speech.on'),
      off: t('access.speech.off'),
      selected: t('access.speech.selected'),
      field: t('access.speech.field'),
      empty: t('access.speech.empty'),
      position: (index, count) => t('access.speech.position', { index, count }),
    }),
    [t],
  );
  const { say, repeat, describeFocused } = useListen({
    rootRef,
    headingRef,
    on: access.listen,
    voice: { tag: speechTag(lang), volume: volumeOf(access), rate: rateOf(access) },
    words,
    help,
    intro: t('access.speech.intro'),
  });
  useKeypad(rootRef, {
    listen: access.listen,
    onToggleListen: () => dispatch({ type: 'access', change: { toggle: 'listen' } }),
    onVolume: (d) => dispatch({ type: 'access', change: { volume: d } }),
    onRate: (d) => dispatch({ type: 'access', change: { rate: d } }),
    onRepeat: repeat,
  });
  // What a press changed where the focus stays: a switch, a language, the volume or the speed.
  const listening = useRef(access.listen);
  useEffect(() => {
    const was = listening.current;
    listening.current = access.listen;
    if (was && !access.listen) say(t('access.speech.stopped'));
  }, [access.listen, say, t]);
  useEffect(() => {
    if (listening.current) say(describeFocused());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when one of these changes
  }, [access.low, access.large, access.contrast, lang]);
  useEffect(() => {
    if (listening.current) say(t('access.volume', { percent: Math.round(volumeOf(access) * 100) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the volume changes
  }, [access.volume]);
  useEffect(() => {
    if (listening.current) say(t('access.rate', { percent: Math.round(rateOf(access) * 100) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the speed changes
  }, [access.rate]);

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
  // A mode left on (contrast, listen…) also counts down: the next citizen finds the default kiosk.
  const idleActive =
    step.name !== 'issuing' &&
    (step.name !== 'home' || searching || query !== '' || lang !== defaultLang || accessChanged(access));
  const idleSeconds =
    (step.name === 'ticket' || step.name === 'checkedIn' ? TICKET_IDLE_SECONDS : IDLE_SECONDS) *
    (access.listen ? LISTEN_TIME_FACTOR : 1);
  const { remaining, extend } = useIdleCountdown({
    active: idleActive,
    seconds: idleSeconds,
    resetKey: `${step.name}:${searching}`,
    rootRef,
    onExpire: startOver,
  });
  const warning = idleActive && remaining <= WARNING_SECONDS;
  useEffect(() => {
    if (warning && listening.current) say(t('access.speech.idleWarning'));
  }, [warning, say, t]);

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
          onFollow={() => dispatch({ type: 'follow' })}
          closed={closed}
        />
      );
      break;
    case 'closed':
      screen = (
        <div className={`${kiosk.screen} ${kiosk.centered}`}>
          <ClosedNotice
            lang={lang}
            nextOpensAt={step.nextOpensAt}
            timeZone={catalog?.office?.timeZone ?? 'Europe/Rome'}
            headingRef={headingRef}
          />
          <div className={kiosk.actions}>
            <button
              type="button"
              className={kiosk.primaryButton}
              onClick={startOver}
              data-testid="kiosk-closed-start-over"
              data-kiosk-back=""
            >
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
    case 'follow':
      screen = <FollowScreen lang={lang} headingRef={headingRef} onBack={() => dispatch({ type: 'home' })} onDone={startOver} />;
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
      screen = <TicketScreen lang={lang} headingRef={headingRef} ticket={step.ticket} online={step.online} onDone={startOver} />;
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

  const officeName = catalog?.office ? textIn(catalog.office.name, lang) : null;

  const languageSwitch = (
    // One tab stop for all the languages; the arrows go from one to the next (keypad.ts).
    <div data-roving="" className={accessStyles.languages}>
      <LanguageSwitch
        lang={lang}
        onLanguage={setLang}
        label={t('languageLabel')}
        testIdPrefix="kiosk-lang"
        className={styles.languages}
        buttonClassName={styles.langButton}
        buttonsClassName={styles.languageButtons}
        icon={<GlobeIcon />}
      />
    </div>
  );
  // The ticket screens' only control (Done) is at their foot already; the rest keep the top of
  // the screen for what to do, and every control below it.
  const lowTop = access.low && step.name !== 'ticket' && step.name !== 'checkedIn';

  return (
    <div
      ref={rootRef}
      lang={lang}
      dir={dir}
      className={`${kiosk.root} ${accessStyles.root}`}
      data-step={step.name}
      data-low={access.low ? 'true' : 'false'}
      data-low-top={lowTop ? 'true' : 'false'}
      data-large={access.large ? 'true' : 'false'}
      data-contrast={access.contrast ? 'true' : 'false'}
      data-listen={access.listen ? 'true' : 'false'}
      data-testid="kiosk"
    >
      <header className={styles.topbar}>
        <div className={styles.brand}>
          <TicketIcon />
          <span className={styles.brandName}>{tc('appName')}</span>
          {officeName ? <span className={styles.officeName}>{officeName}</span> : null}
        </div>
        {access.low ? null : languageSwitch}
      </header>
      {lowTop ? (
        // Beside the screen, not in it: the same words as its help, big, where a seated person looks.
        <aside className={accessStyles.lowTop} data-testid="kiosk-low-top">
          {help}
        </aside>
      ) : null}
      <main className={styles.main}>
        {screen}
        <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {announcement}
        </div>
      </main>
      <AccessBar
        access={access}
        showModes={step.name === 'home' && !searching}
        onChange={(change) => dispatch({ type: 'access', change })}
        // Low layout: the languages at the foot of the start screen (the other screens need the room).
        languages={access.low && step.name === 'home' && !searching ? languageSwitch : null}
      />
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
