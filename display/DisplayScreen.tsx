'use client';
import { useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { createTranslator } from 'use-intl/core';
import { getSocket, useSubscription } from '../ui/socket';
import { walkInRecheckDelay } from '../ui/walkInRecheck';
import type { CallInfo, DisplayConfig, QueueInfo } from '../server/realtime/contract';
import type { LanguageCode } from '../i18n/languages';
import { messages } from '../i18n/messages';
import { opensAgain } from '../ui/opensAgain';
import { isPlainCounterName } from './announcer';
import { displayReducer, initialDisplayState, maxSeq, queueRows, showsService, visibleQueues } from './calls';
import { Clock } from './Clock';
import { Ticker } from './Ticker';
import { useAnnouncer } from './useAnnouncer';
import styles from './display.module.css';

/** How long a new call flashes. */
const FLASH_MS = 10_000;
/** Rows in the per-service panel before the rest is summarised in one line. */
const MAX_QUEUE_ROWS = 10;
/** Fewer rows under the "office closed" notice, so it never pushes them out of the panel. */
const MAX_QUEUE_ROWS_CLOSED = 6;
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
}

type DisplayT = ReturnType<typeof makeT>;
function makeT(lang: LanguageCode) {
  return createTranslator({ locale: lang, messages: messages[lang], namespace: 'display' });
}
type Key = Parameters<DisplayT>[0];
type Values = Parameters<DisplayT>[1];

const CLOSED_KEY = { opensToday: 'closedOpensToday', opensTomorrow: 'closedOpensTomorrow', opensOn: 'closedOpensOn' } as const;

/** "Ufficio chiuso — riapre domani alle 8:30", in one language, in the office's own time. */
function closedText(t: DisplayT, lang: LanguageCode, nextOpensAt: string | undefined, timeZone: string, now: Date): string {
  const when = opensAgain(lang, nextOpensAt, timeZone, now);
  return when.key === 'noNext' ? t('closedNoNext') : t(CLOSED_KEY[when.key], when.values);
}

export function DisplayScreen({ officeId, display: displayKey, secondary, voice, startMuted }: DisplayScreenProps) {
  const tIt = useMemo(() => makeT('it'), []);
  const tSec = useMemo(() => (secondary ? makeT(secondary) : null), [secondary]);
  const common = useMemo(() => ({ it: messages.it.common, sec: secondary ? messages[secondary].common : null }), [secondary]);

  /** A label in Italian with the secondary language underneath, smaller. */
  const bi = (k: Key, values?: Values, inline = false): ReactNode => (
    <>
      <span lang="it" className={inline ? undefined : styles.primary}>
        {tIt(k, values)}
      </span>
      {tSec && secondary && (
        <span lang={secondary} className={inline ? styles.secondaryInline : styles.secondary}>
          {tSec(k, values)}
        </span>
      )}
    </>
  );

  const payload = useMemo(() => (displayKey ? { display: displayKey } : officeId ? { officeId } : {}), [displayKey, officeId]);
  const { data, error, connected, resubscribe } = useSubscription('display:subscribe', payload);
  const [state, dispatch] = useReducer(displayReducer, initialDisplayState);
  const { state: audio, announce, unlock, toggleMute } = useAnnouncer(voice, startMuted);

  const lastSeq = useRef(0);
  const pending = useRef<CallInfo[]>([]);
  const [flashSeq, setFlashSeq] = useState<number | null>(null);
  const [live, setLive] = useState('');
  const [clockOffset, setClockOffset] = useState(0);
  const announceRef = useRef(announce);
  announceRef.current = announce;
  /**
   * What the deltas may reach: the display's services, once its snapshot arrived. Null while
   * there is no valid snapshot (loading, unknown or deactivated display): nothing is announced.
   */
  const showing = useRef<{ display: DisplayConfig | null } | null>(null);
  showing.current = data && !error ? { display: data.display } : null;

  // Snapshot (first subscribe and every re-subscribe after a reconnect): replace everything, announce nothing.
  useEffect(() => {
    if (!data) return;
    dispatch({ type: 'snapshot', snapshot: data, pending: pending.current });
    lastSeq.current = Math.max(maxSeq(data.calls), maxSeq(pending.current));
    pending.current = [];
    const server = Date.parse(data.serverTime);
    if (Number.isFinite(server)) setClockOffset(server - Date.now());
  }, [data]);

  useEffect(() => {
    if (!connected) pending.current = [];
  }, [connected]);

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
      if (!shown || !showsService(shown.display, c.serviceId)) return;
      pending.current = [...pending.current, c].slice(-20);
      dispatch({ type: 'call', call: c });
      if (c.seq > lastSeq.current) {
        lastSeq.current = c.seq;
        setFlashSeq(c.seq);
        announceRef.current(c);
        setLive(`${makeT('it')('speech', { number: c.number, counter: String(c.counterNumber) })}`);
      }
    };
    const onQueues = (q: QueueInfo[]) => dispatch({ type: 'queues', queues: q });
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

  useEffect(() => {
    if (flashSeq === null) return;
    const t = setTimeout(() => setFlashSeq(null), FLASH_MS);
    return () => clearTimeout(t);
  }, [flashSeq]);

  const [graceOver, setGraceOver] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (connected) setEverConnected(true);
  }, [connected]);
  const offline = !connected && (everConnected || graceOver);

  const office = state.office;
  const config = state.display;
  // The area line: a display limited to some services says which.
  const area = config && config.serviceIds !== null ? config.name : null;
  const [current, ...previous] = state.calls;
  // Closed for walk-ins: said in the queues panel; calls go on (clerks may still be serving).
  const walkIn = data && !error ? data.walkIn : null;
  const closed = walkIn !== null && !walkIn.open;
  const {
    shown: shownQueues,
    hiddenBusy,
    hiddenIdle,
  } = queueRows(visibleQueues(state.queues), closed ? MAX_QUEUE_ROWS_CLOSED : MAX_QUEUE_ROWS);
  const flashing = current !== undefined && current.seq === flashSeq;

  return (
    <div className={styles.screen} lang="it">
      <header className={styles.header}>
        <div className={styles.office}>
          <h1 className={styles.officeName}>{office?.name ?? messages.it.common.appName}</h1>
          {area && (
            <p className={styles.area} data-testid="display-area">
              {area}
            </p>
          )}
          {!area && office && secondary === 'en' && office.nameEn && (
            <p lang="en" className={styles.officeNameSec}>
              {office.nameEn}
            </p>
          )}
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
          <Clock offsetMs={clockOffset} secondary={secondary} label={tIt('clock')} />
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
          <section className={styles.current} aria-labelledby="display-current-h">
            <h2 id="display-current-h" className={styles.sectionTitle}>
              {bi('nowCalling', undefined, true)}
            </h2>
            {current ? (
              <div
                key={current.seq}
                data-testid="display-current-call"
                data-number={current.number}
                data-counter={current.counterNumber}
                className={`${styles.currentCall} ${flashing ? styles.flash : ''}`}
              >
                <div data-testid={`display-call-${current.number}`} className={styles.currentRow}>
                  <div className={styles.cell}>
                    <span className={styles.cellLabel}>{bi('number', undefined, true)}</span>
                    <span className={styles.bigNumber}>{current.number}</span>
                  </div>
                  <span className={styles.bigArrow} aria-hidden="true">
                    ➜
                  </span>
                  <div className={styles.cell}>
                    <span className={styles.cellLabel}>{bi('counter', undefined, true)}</span>
                    <span className={styles.bigNumber}>{current.counterNumber}</span>
                    {!isPlainCounterName(current.counterName, current.counterNumber) && (
                      <span className={styles.counterName}>{current.counterName}</span>
                    )}
                  </div>
                </div>
                {current.recall && <span className={styles.recallTag}>{bi('recall', undefined, true)}</span>}
              </div>
            ) : (
              <p className={styles.empty}>{bi('noCalls')}</p>
            )}
          </section>

          <section className={styles.history} aria-labelledby="display-history-h">
            <h2 id="display-history-h" className={styles.sectionTitle}>
              {bi('lastCalls', undefined, true)}
            </h2>
            {previous.length > 0 && (
              <ol className={styles.historyGrid}>
                {previous.map((c) => (
                  <li key={`${c.ticketId}-${c.seq}`} className={styles.historyItem} data-testid={`display-call-${c.number}`}>
                    <span className={styles.historyNumber}>{c.number}</span>
                    <span className={styles.historyArrow} aria-hidden="true">
                      ➜
                    </span>
                    <span className={styles.historyCounter}>
                      <span className="visually-hidden">{tIt('counter')} </span>
                      {c.counterNumber}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className={styles.queues} aria-labelledby="display-queues-h">
            <h2 id="display-queues-h" className={styles.sectionTitle}>
              {bi('queuesTitle', undefined, true)}
            </h2>
            {closed && data && (
              <div className={styles.closed} role="status" data-testid="display-closed">
                <p className={styles.closedTitle}>
                  <span lang="it" className={styles.primary}>
                    {closedText(tIt, 'it', walkIn.nextOpensAt, data.office.timeZone, new Date(Date.now() + clockOffset))}
                  </span>
                  {tSec && secondary && (
                    <span lang={secondary} className={styles.closedTitleSec}>
                      {closedText(tSec, secondary, walkIn.nextOpensAt, data.office.timeZone, new Date(Date.now() + clockOffset))}
                    </span>
                  )}
                </p>
                <p className={styles.closedHint}>{bi('closedHint')}</p>
              </div>
            )}
            {shownQueues.length === 0 ? (
              <p className={styles.empty}>{bi('noQueues')}</p>
            ) : (
              <table className={styles.queueTable}>
                <thead>
                  <tr>
                    <th scope="col" className={styles.thService}>
                      {bi('service')}
                    </th>
                    <th scope="col" className={styles.thNum}>
                      {bi('waiting')}
                    </th>
                    <th scope="col" className={styles.thNum}>
                      {bi('estimatedWait')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shownQueues.map((q) => (
                    <tr key={q.serviceId} data-testid={`display-queue-${q.serviceId}`} className={styles.queueRow}>
                      <th scope="row">
                        <span className={styles.queueService}>
                          <span className={styles.prefix} aria-hidden="true">
                            {q.prefix}
                          </span>
                          <span className={styles.queueNames}>
                            <span lang="it" className={styles.queueNameIt}>
                              {q.nameIt}
                            </span>
                            {secondary === 'en' && (
                              <span lang="en" className={styles.queueNameSec}>
                                {q.nameEn}
                              </span>
                            )}
                          </span>
                        </span>
                      </th>
                      <td className={styles.queueWaiting}>
                        <span className={styles.queueWaitingValue}>{q.waiting}</span>
                      </td>
                      <td className={styles.queueWait}>{waitText(q, tIt, tSec, secondary)}</td>
                    </tr>
                  ))}
                  {hiddenBusy > 0 && (
                    <tr className={styles.queueMore}>
                      <td colSpan={3}>{bi('moreServices', { count: hiddenBusy }, true)}</td>
                    </tr>
                  )}
                  {hiddenIdle > 0 && (
                    <tr className={styles.queueMore}>
                      <td colSpan={3}>{bi('moreNoWait', { count: hiddenIdle }, true)}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            )}
          </section>
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

function waitText(q: QueueInfo, tIt: DisplayT, tSec: DisplayT | null, secondary: LanguageCode | null): ReactNode {
  if (q.waiting === 0) {
    return (
      <>
        <span lang="it">{tIt('noWait')}</span>
        {tSec && secondary && (
          <span lang={secondary} className={styles.secondary}>
            {tSec('noWait')}
          </span>
        )}
      </>
    );
  }
  const max = Math.max(0, Math.round(q.estimatedWaitMinutes));
  const min = Math.max(0, Math.min(max, Math.round(q.estimatedWaitMinMinutes)));
  return min === max ? tIt('waitExact', { max }) : tIt('waitBand', { min, max });
}
