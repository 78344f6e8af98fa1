'use client';
import { api } from '../contract/api';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { CounterSnapshot, CounterUpdate } from '../contract/counters';
import type { CounterTicket } from '../contract/tickets';
import type { QueuesUpdate } from '../contract/queues';
import { withFigures } from '../ui/queueFigures';
import { getSocket, useSubscription } from '../ui/socket';
import { ActionBar } from './ActionBar';
import { BookDialog } from './BookDialog';
import { ProcedureDialog } from './ProcedureDialog';
import { ApiError, call } from '../ui/http';
import { errorNotice } from './errors';
import { CompleteDialog } from './CompleteDialog';
import { ConfirmDialog } from './ConfirmDialog';
import styles from './counter.module.css';
import { CurrentTicket } from './CurrentTicket';
import { NoticeBox } from './NoticeBox';
import { QueueTable } from './QueueTable';
import { TodayAppointments } from './TodayAppointments';
import { TransferDialog, type TransferTarget } from './TransferDialog';
import type { Me } from '../contract/auth';
import type { Outcome } from '../contract/enums';
import type { Notice } from './types';
import { useShortcuts } from './useShortcuts';
import { WaitingList } from './WaitingList';
import {
  allowedActions,
  closedElsewhere,
  connectionLost,
  initialWorkState,
  visibleDialog,
  withCounterUpdate,
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
    const onCounter = (next: CounterUpdate) => {
      if (next.counter.id === counterId) setData((prev) => withCounterUpdate(prev, next));
    };
    const onQueues = (update: QueuesUpdate) =>
      setData((prev) => (prev ? { ...prev, queues: withFigures(prev.queues, update) } : prev));
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

  /** One action on the current ticket: `send` calls its endpoint with the ticket id. */
  const ticketAction = (
    kind: 'recall' | 'start' | 'complete' | 'noShow' | 'transfer',
    send: (params: { id: string }) => Promise<{ ticket: CounterTicket }>,
    done?: (tk: CounterTicket) => Notice | null,
  ) =>
    run(kind, async () => {
      if (!current) return null;
      const res = await send({ id: current.id });
      applyTicket(res.ticket);
      return done ? done(res.ticket) : null;
    });

  const counterParams = { id: counterId };
  const can = allowedActions(snap);
  const openDialog = (kind: DialogKind) => dispatch({ type: 'openDialog', kind, ticketId: current?.id ?? null });

  const actions: Record<Action, () => void> = {
    callNext: () => {
      if (!can.callNext) return;
      void run('callNext', async () => {
        const res = await call(api.callNext, { params: counterParams });
        if (!res?.ticket) return { kind: 'info', key: 'messages.nobodyWaiting' };
        applyTicket(res.ticket);
        return { kind: 'success', key: 'messages.called', values: { number: res.ticket.number } };
      });
    },
    recall: () => {
      if (!can.recall) return;
      void ticketAction(
        'recall',
        (params) => call(api.recall, { params }),
        (tk) => ({
          kind: 'success',
          key: 'messages.recalled',
          values: { number: tk.number },
        }),
      );
    },
    start: () => {
      if (can.start) void ticketAction('start', (params) => call(api.start, { params }));
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
    procedure: () => {
      if (can.procedure) openDialog('procedure');
    },
    pause: () => {
      if (!can.pause) return;
      void run('pause', async () => {
        const resume = state === 'paused';
        const s = await call(resume ? api.resumeCounter : api.pauseCounter, { params: counterParams });
        if (s?.counter) setData(s);
        return { kind: 'info', key: resume ? 'messages.resumed' : 'messages.paused' };
      });
    },
    close: () => {
      if (!can.close) return;
      void run('close', async () => {
        leaving.current = true;
        try {
          await call(api.closeCounter, { params: counterParams });
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
      o: actions.procedure,
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
            void ticketAction(
              'complete',
              (params) => call(api.complete, { params, body: note ? { outcome, note } : { outcome } }),
              (tk) => ({
                kind: 'success',
                key: 'messages.completed',
                values: { number: tk.number },
              }),
            ).then(closeDialog)
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
            void ticketAction(
              'noShow',
              (params) => call(api.noShow, { params }),
              (tk) => ({
                kind: 'info',
                key: 'messages.noShow',
                values: { number: tk.number },
              }),
            ).then(closeDialog)
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
      {dialog === 'procedure' && (
        <ProcedureDialog
          lang={lang}
          officeId={snap.counter.officeId}
          onClose={closeDialog}
          onOpened={(p) =>
            setNotice({ kind: 'success', key: 'messages.procedureOpened', values: { protocol: p.protocolNumber } })
          }
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
            void ticketAction(
              'transfer',
              (params) => call(api.transfer, { params, body: note ? { ...target, note } : target }),
              (tk) => ({
                kind: 'success',
                key: 'messages.transferred',
                values: { number: tk.number },
              }),
            ).then(closeDialog)
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
