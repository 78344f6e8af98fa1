'use client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { CounterSnapshot, CounterTicket, QueueInfo } from '../server/realtime/contract';
import { getSocket, useSubscription } from '../ui/socket';
import { ActionBar } from './ActionBar';
import { BookDialog } from './BookDialog';
import { api, ApiError, errorNotice } from './api';
import { CompleteDialog } from './CompleteDialog';
import { ConfirmDialog } from './ConfirmDialog';
import styles from './counter.module.css';
import { CurrentTicket } from './CurrentTicket';
import { NoticeBox } from './NoticeBox';
import { QueueTable } from './QueueTable';
import { TodayAppointments } from './TodayAppointments';
import { TransferDialog, type TransferTarget } from './TransferDialog';
import type { Me, Notice, Outcome } from './types';
import { useShortcuts } from './useShortcuts';
import { WaitingList } from './WaitingList';
import {
  allowedActions,
  closedElsewhere,
  connectionLost,
  initialWorkState,
  visibleDialog,
  withTicket,
  workReducer,
  type Action,
  type Busy,
  type DialogKind,
} from './work';

/** How long the first connection may take before the "connection lost" banner shows. */
const CONNECT_GRACE_MS = 3000;

export function WorkView({
  me,
  counterId,
  initial,
  lang,
  onClosed,
  onUnauthorized,
}: {
  me: Me;
  counterId: string;
  initial: CounterSnapshot | null;
  lang: LanguageCode;
  onClosed: (n: Notice) => void;
  onUnauthorized: () => void;
}) {
  const t = useTranslations('counter');
  const { data, setData, error, connected } = useSubscription('counter:subscribe', { counterId });
  const [view, dispatch] = useReducer(workReducer, initialWorkState);
  const { notice, busy } = view;
  const setNotice = useCallback((n: Notice | null) => dispatch({ type: 'notice', notice: n }), []);
  // Guards double presses before React re-renders; `busy` only drives aria-busy.
  const busyRef = useRef(false);
  const leaving = useRef(false);

  const snap = data && data.counter.id === counterId ? data : initial;

  // The snapshot from "open" shows at once; the socket's own snapshot replaces it.
  useEffect(() => {
    if (initial) setData((prev) => prev ?? initial);
  }, [initial, setData]);

  // A socket that was disconnected on logout has to be brought back.
  useEffect(() => {
    const s = getSocket();
    if (!s.connected && !s.active) s.connect();
    const id = window.setTimeout(() => dispatch({ type: 'graceOver' }), CONNECT_GRACE_MS);
    return () => window.clearTimeout(id);
  }, []);

  useEffect(() => {
    if (connected) dispatch({ type: 'connected' });
  }, [connected]);
  const lost = connectionLost(view, connected);

  // Deltas: a full counter snapshot, and fresh queue figures of the office.
  useEffect(() => {
    const s = getSocket();
    const onCounter = (next: CounterSnapshot) => {
      if (next.counter.id === counterId) setData(next);
    };
    const onQueues = (q: QueueInfo[]) => setData((prev) => (prev ? { ...prev, queues: q } : prev));
    s.on('counter', onCounter);
    s.on('queues', onQueues);
    return () => {
      s.off('counter', onCounter);
      s.off('queues', onQueues);
    };
  }, [counterId, setData]);

  const leave = useCallback(
    (n: Notice) => {
      if (leaving.current) return;
      leaving.current = true;
      onClosed(n);
    },
    [onClosed],
  );

  useEffect(() => {
    if (snap && closedElsewhere(snap, me.staff.id)) leave({ kind: 'info', key: 'messages.closedElsewhere' });
  }, [snap, me.staff.id, leave]);

  useEffect(() => {
    if (!error) return;
    if (error.code === 'unauthorized') onUnauthorized();
    else leave(errorNotice(new ApiError(409, error.code, error.message)));
  }, [error, onUnauthorized, leave]);

  const current = snap?.current ?? null;
  const state = snap?.counter.state ?? 'open';
  const dialog = visibleDialog(view, current?.id ?? null);

  const applyTicket = useCallback((ticket: CounterTicket) => setData((prev) => withTicket(prev, ticket)), [setData]);

  const run = useCallback(
    async (kind: Busy, fn: () => Promise<Notice | null>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      dispatch({ type: 'busy', busy: kind });
      try {
        setNotice(await fn());
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) onUnauthorized();
        else setNotice(errorNotice(err));
      } finally {
        busyRef.current = false;
        dispatch({ type: 'busy', busy: null });
      }
    },
    [onUnauthorized, setNotice],
  );

  const ticketAction = (
    kind: 'recall' | 'start' | 'complete' | 'noShow' | 'transfer',
    path: string,
    body?: unknown,
    done?: (tk: CounterTicket) => Notice | null,
  ) =>
    run(kind, async () => {
      if (!current) return null;
      const { data: res } = await api<{ ticket: CounterTicket }>(
        'POST',
        `/api/tickets/${encodeURIComponent(current.id)}/${path}`,
        body,
      );
      if (res?.ticket) applyTicket(res.ticket);
      return done && res?.ticket ? done(res.ticket) : null;
    });

  const counterPath = `/api/counters/${encodeURIComponent(counterId)}`;
  const can = allowedActions(snap);
  const openDialog = (kind: DialogKind) => dispatch({ type: 'openDialog', kind, ticketId: current?.id ?? null });

  const actions: Record<Action, () => void> = {
    callNext: () => {
      if (!can.callNext) return;
      void run('callNext', async () => {
        const res = await api<{ ticket: CounterTicket }>('POST', `${counterPath}/call-next`);
        if (res.status === 204 || !res.data?.ticket) return { kind: 'info', key: 'messages.nobodyWaiting' };
        applyTicket(res.data.ticket);
        return { kind: 'success', key: 'messages.called', values: { number: res.data.ticket.number } };
      });
    },
    recall: () => {
      if (!can.recall) return;
      void ticketAction('recall', 'recall', undefined, (tk) => ({
        kind: 'success',
        key: 'messages.recalled',
        values: { number: tk.number },
      }));
    },
    start: () => {
      if (can.start) void ticketAction('start', 'start');
    },
    complete: () => {
      if (can.complete) openDialog('complete');
    },
    noShow: () => {
      if (can.noShow) openDialog('noShow');
    },
    transfer: () => {
      if (can.transfer) openDialog('transfer');
    },
    book: () => {
      if (can.book) openDialog('book');
    },
    pause: () => {
      if (!can.pause) return;
      void run('pause', async () => {
        const resume = state === 'paused';
        const { data: s } = await api<CounterSnapshot>('POST', `${counterPath}/${resume ? 'resume' : 'pause'}`);
        if (s?.counter) setData(s);
        return { kind: 'info', key: resume ? 'messages.resumed' : 'messages.paused' };
      });
    },
    close: () => {
      if (!can.close) return;
      void run('close', async () => {
        leaving.current = true;
        try {
          await api<CounterSnapshot>('POST', `${counterPath}/close`);
        } catch (err) {
          leaving.current = false;
          throw err;
        }
        onClosed({ kind: 'info', key: 'messages.closed' });
        return null;
      });
    },
  };

  useShortcuts(
    {
      n: actions.callNext,
      ' ': actions.callNext,
      r: actions.recall,
      s: actions.start,
      c: actions.complete,
      x: actions.noShow,
      t: actions.transfer,
      p: actions.pause,
      q: actions.close,
      b: actions.book,
    },
    dialog === null,
  );

  const closeDialog = () => dispatch({ type: 'closeDialog' });

  if (!snap) {
    return (
      <main className={styles.centered} aria-busy="true">
        {lost && <ConnectionBanner />}
        <p>{t('loading')}</p>
      </main>
    );
  }

  const stateClass = { open: styles.stateOpen, paused: styles.statePaused, closed: styles.stateClosed }[state];

  return (
    <>
      {lost && <ConnectionBanner />}
      <main className={styles.work}>
        <div className={styles.left}>
          <div className={styles.counterHead}>
            <h1 className={styles.h1}>{snap.counter.name || t('open.counterLabel', { number: snap.counter.number })}</h1>
            <span className={`${styles.statePill} ${stateClass}`} data-testid="counter-state" data-state={state}>
              {t(`state.${state}`)}
            </span>
          </div>

          <CurrentTicket ticket={current} state={state} lang={lang} />

          <ActionBar can={can} on={actions} busy={busy} state={state} />

          <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />

          <QueueTable queues={snap.queues} servedIds={snap.counter.serviceIds} lang={lang} />

          <TodayAppointments
            officeId={snap.counter.officeId}
            lang={lang}
            refreshKey={`${snap.waitingTotal}:${current?.id ?? ''}:${current?.status ?? ''}`}
          />
        </div>

        <WaitingList waiting={snap.waiting} total={snap.waitingTotal} queues={snap.queues} lang={lang} />
      </main>

      {dialog === 'complete' && current && (
        <CompleteDialog
          number={current.number}
          busy={busy !== null}
          onClose={closeDialog}
          onConfirm={(outcome: Outcome, note: string) =>
            void ticketAction('complete', 'complete', note ? { outcome, note } : { outcome }, (tk) => ({
              kind: 'success',
              key: 'messages.completed',
              values: { number: tk.number },
            })).then(closeDialog)
          }
        />
      )}
      {dialog === 'noShow' && current && (
        <ConfirmDialog
          title={t('noShow.title', { number: current.number })}
          body={t('noShow.body')}
          confirmLabel={t('noShow.confirm')}
          busy={busy !== null}
          danger
          onClose={closeDialog}
          onConfirm={() =>
            void ticketAction('noShow', 'no-show', undefined, (tk) => ({
              kind: 'info',
              key: 'messages.noShow',
              values: { number: tk.number },
            })).then(closeDialog)
          }
          testId="counter-no-show"
        />
      )}
      {dialog === 'book' && (
        <BookDialog
          lang={lang}
          onClose={closeDialog}
          onBooked={(a) => setNotice({ kind: 'success', key: 'messages.booked', values: { code: a.code, time: a.time } })}
        />
      )}
      {dialog === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          officeId={snap.counter.officeId}
          myCounterId={counterId}
          myStaffId={me.staff.id}
          lang={lang}
          busy={busy !== null}
          onClose={closeDialog}
          onConfirm={(target: TransferTarget, note: string) =>
            void ticketAction('transfer', 'transfer', note ? { ...target, note } : target, (tk) => ({
              kind: 'success',
              key: 'messages.transferred',
              values: { number: tk.number },
            })).then(closeDialog)
          }
        />
      )}
    </>
  );
}

function ConnectionBanner() {
  const t = useTranslations('counter');
  return (
    <div className={styles.banner} role="alert" data-testid="counter-connection-lost">
      {t('connectionLost')}
    </div>
  );
}
