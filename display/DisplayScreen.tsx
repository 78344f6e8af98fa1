'use client';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { getSocket, useSubscription } from '../ui/socket';
import { walkInRecheckDelay } from '../ui/walkInRecheck';
import type { CallInfo, DisplayConfig } from '../contract/display';
import type { QueuesUpdate } from '../contract/queues';
import type { LanguageCode } from '../i18n/languages';
import { showsService } from './calls';
import { CallsPanel } from './CallsPanel';
import { Clock } from './Clock';
import { QueuesPanel } from './QueuesPanel';
import type { DisplayMessages } from './messages';
import { initialScreenState, isOffline, screenReducer } from './screen';
import { makeTexts, SecondLine } from './texts';
import { Ticker } from './Ticker';
import { useAnnouncer } from './useAnnouncer';
import styles from './display.module.css';

/** How long a new call flashes. */
const FLASH_MS = 10_000;
/** No "connection lost" banner during the first connection attempt. */
const FIRST_CONNECT_GRACE_MS = 4000;

export interface DisplayScreenProps {
  officeId?: string;
  /** `?display=<slug or id>`: a configured display (its services, name and ticker); wins over officeId. */
  display?: string;
  /** Second language shown smaller under Italian; null for Italian only. */
  secondary: LanguageCode | null;
  /** Languages spoken, in order. */
  voice: LanguageCode[];
  /** `?voice=off`: start muted. */
  startMuted: boolean;
  /** The display's texts in every language (display/messages.ts). */
  messages: Record<LanguageCode, DisplayMessages>;
}

/** The waiting-room display: its state lives in `screen.ts`; this component wires the socket, the timers and the voice. */
export function DisplayScreen({ officeId, display: displayKey, secondary, voice, startMuted, messages }: DisplayScreenProps) {
  const texts = useMemo(() => makeTexts(secondary, messages), [secondary, messages]);
  const { tIt, bi } = texts;
  const common = useMemo(
    () => ({ it: messages.it.common, sec: secondary ? messages[secondary].common : null }),
    [secondary, messages],
  );

  const payload = useMemo(() => (displayKey ? { display: displayKey } : officeId ? { officeId } : {}), [displayKey, officeId]);
  const { data, error, connected, resubscribe } = useSubscription('display:subscribe', payload);
  const [state, dispatch] = useReducer(screenReducer, initialScreenState);
  const { state: audio, announce, unlock, toggleMute } = useAnnouncer(voice, startMuted, messages);

  /**
   * What the deltas may reach: the display's services, once its snapshot arrived. Null while
   * there is no valid snapshot (loading, unknown or deactivated display): nothing is announced.
   */
  const showing = useRef<{ display: DisplayConfig | null } | null>(null);
  useEffect(() => {
    showing.current = data && !error ? { display: data.display } : null;
  }, [data, error]);

  // Snapshot (first subscribe and every re-subscribe after a reconnect): replace everything, announce nothing.
  useEffect(() => {
    if (data) dispatch({ type: 'snapshot', snapshot: data, now: Date.now() });
  }, [data]);

  useEffect(() => {
    dispatch({ type: 'connection', connected });
  }, [connected]);

  useEffect(() => {
    const t = setTimeout(() => dispatch({ type: 'graceOver' }), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(t);
  }, []);

  // The office opens or closes for walk-ins by the clock: subscribe again just after (measured on
  // the server's clock of the snapshot).
  useEffect(() => {
    if (!data?.walkIn) return;
    const t = setTimeout(() => resubscribe(), walkInRecheckDelay(data.walkIn, Date.parse(data.serverTime)));
    return () => clearTimeout(t);
  }, [data, resubscribe]);

  // Deltas.
  useEffect(() => {
    const socket = getSocket();
    const onCall = (c: CallInfo) => {
      // Calls of the whole office reach every display: keep (and announce) only this one's.
      const shown = showing.current;
      if (shown && showsService(shown.display, c.serviceId)) dispatch({ type: 'call', call: c });
    };
    const onQueues = (update: QueuesUpdate) => dispatch({ type: 'queues', update });
    // An admin changed a display or a service of the office: a fresh snapshot redraws everything.
    const onChanged = () => resubscribe();
    socket.on('call', onCall);
    socket.on('queues', onQueues);
    socket.on('displayChanged', onChanged);
    return () => {
      socket.off('call', onCall);
      socket.off('queues', onQueues);
      socket.off('displayChanged', onChanged);
    };
  }, [resubscribe]);

  // A new call is spoken once (a change of voice settings must not repeat it).
  const announceRef = useRef(announce);
  useEffect(() => {
    announceRef.current = announce;
  }, [announce]);
  const { latest, flashSeq } = state;
  useEffect(() => {
    if (latest) announceRef.current(latest);
  }, [latest]);

  useEffect(() => {
    if (flashSeq === null) return;
    const t = setTimeout(() => dispatch({ type: 'flashOver', seq: flashSeq }), FLASH_MS);
    return () => clearTimeout(t);
  }, [flashSeq]);

  const offline = isOffline(state);
  const { board } = state;
  const config = board.display;
  const office = board.office;
  // The area line: a display limited to some services says which.
  const area = config && config.serviceIds !== null ? config.name : null;
  // Closed for walk-ins: said in the queues panel; calls go on (clerks may still be serving).
  const walkIn = data && !error ? data.walkIn : null;
  const closed =
    data && walkIn !== null && !walkIn.open ? { walkIn, timeZone: data.office.timeZone, clockOffset: state.clockOffset } : null;
  const live = latest ? tIt('speech', { number: latest.number, counter: String(latest.counterNumber) }) : '';

  return (
    <div className={styles.screen} lang="it">
      <header className={styles.header}>
        <div className={styles.office}>
          <h1 className={styles.officeName}>{office?.name.it ?? messages.it.common.appName}</h1>
          {area && (
            <p className={styles.area} data-testid="display-area">
              {area}
            </p>
          )}
          {!area && office && <SecondLine as="p" text={office.name} lang={secondary} className={styles.officeNameSec} />}
        </div>
        <div className={styles.headerRight}>
          <button
            type="button"
            className={styles.mute}
            data-testid="display-mute"
            aria-pressed={audio.muted}
            onClick={toggleMute}
            title={audio.muted ? tIt('unmute') : tIt('mute')}
          >
            <span aria-hidden="true" className={styles.muteIcon}>
              {audio.muted ? '🔇' : '🔊'}
            </span>
            <span className={styles.muteText}>{bi(audio.muted ? 'soundOff' : 'soundOn')}</span>
          </button>
          <Clock offsetMs={state.clockOffset} secondary={secondary} label={tIt('clock')} />
        </div>
      </header>

      {offline && (
        <div className={styles.offline} role="status">
          <span lang="it">{common.it.offline}</span>
          {common.sec && secondary && (
            <span lang={secondary} className={styles.secondaryInline}>
              {common.sec.offline}
            </span>
          )}
        </div>
      )}

      {error ? (
        <main className={styles.errorBox}>
          {error.code === 'not_found' ? (
            <p role="alert" data-testid="display-not-found">
              {bi(displayKey ? 'displayNotFound' : 'officeNotFound')}
            </p>
          ) : (
            <p role="alert">
              <span lang="it" className={styles.primary}>
                {common.it.error}
              </span>
              {common.sec && secondary && (
                <span lang={secondary} className={styles.secondary}>
                  {common.sec.error}
                </span>
              )}
            </p>
          )}
        </main>
      ) : (
        <main className={styles.main}>
          <CallsPanel calls={board.calls} flashSeq={state.flashSeq} texts={texts} />
          <QueuesPanel queues={board.queues} closed={closed} texts={texts} />
        </main>
      )}

      {!error && config && config.ticker.length > 0 && (
        <Ticker messages={config.ticker} secondary={secondary} label={tIt('tickerLabel')} badge={bi('tickerLabel')} />
      )}

      {audio.blocked && (
        <button type="button" className={styles.unlock} onClick={unlock}>
          <span aria-hidden="true">🔊 </span>
          {bi('enableSound', undefined, true)}
        </button>
      )}

      <div className="visually-hidden" aria-live="polite">
        {live}
      </div>
    </div>
  );
}
