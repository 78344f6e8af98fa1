'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { CounterSnapshot, CounterTicket, QueueInfo } from '../server/realtime/contract';
import { getSocket, useSubscription } from '../ui/socket';
import { ActionButton } from './ActionButton';
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

type DialogKind = 'complete' | 'noShow' | 'transfer' | 'book' | null;
type Busy = 'callNext' | 'recall' | 'start' | 'complete' | 'noShow' | 'transfer' | 'pause' | 'close' | null;

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
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [busy, setBusy] = useState<Busy>(null);
  // Guards double presses before React re-renders; `busy` only drives aria-busy.
  const busyRef = useRef(false);
  const [graceOver, setGraceOver] = useState(false);
  const everConnected = useRef(false);
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
    const id = window.setTimeout(() => setGraceOver(true), CONNECT_GRACE_MS);
    return () => window.clearTimeout(id);
  }, []);

  if (connected) everConnected.current = true;
  const connectionLost = !connected && (everConnected.current || graceOver);

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

  // The counter was closed or handed over elsewhere (another tab, a supervisor).
  useEffect(() => {
    if (!snap) return;
    if (snap.counter.state === 'closed' || (snap.counter.staffId && snap.counter.staffId !== me.staff.id))
      leave({ kind: 'info', key: 'messages.closedElsewhere' });
  }, [snap, me.staff.id, leave]);

  useEffect(() => {
    if (!error) return;
    if (error.code === 'unauthorized') onUnauthorized();
    else leave(errorNotice(new ApiError(409, error.code, error.message)));
  }, [error, onUnauthorized, leave]);

  const current = snap?.current ?? null;
  const state = snap?.counter.state ?? 'open';

  // A dialog about a ticket that is gone (completed elsewhere, cancelled) closes by itself.
  const currentId = current?.id ?? null;
  useEffect(() => {
    setDialog((d) => (d && d !== 'book' && !currentId ? null : d));
  }, [currentId]);

  const applyTicket = useCallback(
    (ticket: CounterTicket) => {
      const active = ticket.status === 'called' || ticket.status === 'serving';
      setData((prev) =>
        prev && (!prev.current || prev.current.id === ticket.id) ? { ...prev, current: active ? ticket : null } : prev,
      );
    },
    [setData],
  );

  const run = useCallback(
    async (kind: Exclude<Busy, null>, fn: () => Promise<Notice | null>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(kind);
      try {
        const n = await fn();
        setNotice(n);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) onUnauthorized();
        else setNotice(errorNotice(err));
        return false;
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [onUnauthorized],
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

  const can = {
    callNext: !!snap && state === 'open' && !current,
    recall: current?.status === 'called',
    start: current?.status === 'called',
    complete: current?.status === 'serving' || current?.status === 'called',
    noShow: current?.status === 'called',
    transfer: !!current,
    pause: !!snap && (state === 'open' || state === 'paused'),
    close: !!snap && !current,
    book: !!snap,
  };

  const actions = {
    callNext: () =>
      can.callNext &&
      run('callNext', async () => {
        const res = await api<{ ticket: CounterTicket }>('POST', `${counterPath}/call-next`);
        if (res.status === 204 || !res.data?.ticket) return { kind: 'info', key: 'messages.nobodyWaiting' };
        applyTicket(res.data.ticket);
        return { kind: 'success', key: 'messages.called', values: { number: res.data.ticket.number } };
      }),
    recall: () =>
      can.recall &&
      ticketAction('recall', 'recall', undefined, (tk) => ({
        kind: 'success',
        key: 'messages.recalled',
        values: { number: tk.number },
      })),
    start: () => can.start && ticketAction('start', 'start'),
    complete: () => can.complete && setDialog('complete'),
    noShow: () => can.noShow && setDialog('noShow'),
    transfer: () => can.transfer && setDialog('transfer'),
    book: () => can.book && setDialog('book'),
    pause: () =>
      can.pause &&
      run('pause', async () => {
        const resume = state === 'paused';
        const { data: s } = await api<CounterSnapshot>('POST', `${counterPath}/${resume ? 'resume' : 'pause'}`);
        if (s?.counter) setData(s);
        return { kind: 'info', key: resume ? 'messages.resumed' : 'messages.paused' };
      }),
    close: () =>
      can.close &&
      run('close', async () => {
        leaving.current = true;
        try {
          await api<CounterSnapshot>('POST', `${counterPath}/close`);
        } catch (err) {
          leaving.current = false;
          throw err;
        }
        onClosed({ kind: 'info', key: 'messages.closed' });
        return null;
      }),
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

  const closeDialog = () => setDialog(null);

  if (!snap) {
    return (
      <main className={styles.centered} aria-busy="true">
        {connectionLost && <ConnectionBanner />}
        <p>{t('loading')}</p>
      </main>
    );
  }

  const stateClass = { open: styles.stateOpen, paused: styles.statePaused, closed: styles.stateClosed }[state];

  return (
    <>
      {connectionLost && <ConnectionBanner />}
      <main className={styles.work}>
        <div className={styles.left}>
          <div className={styles.counterHead}>
            <h1 className={styles.h1}>{snap.counter.name || t('open.counterLabel', { number: snap.counter.number })}</h1>
            <span className={`${styles.statePill} ${stateClass}`} data-testid="counter-state" data-state={state}>
              {t(`state.${state}`)}
            </span>
          </div>

          <CurrentTicket ticket={current} state={state} lang={lang} />

          <div className={styles.actions} role="group" aria-label={t('actions.label')}>
            <ActionButton
              label={t('actions.callNext')}
              keys={['N', t('keys.space')]}
              ariaKeys="N Space"
              onClick={actions.callNext}
              disabled={!can.callNext}
              busy={busy === 'callNext'}
              variant="primary"
              testId="counter-call-next"
            />
            <ActionButton
              label={t('actions.recall')}
              keys={['R']}
              ariaKeys="R"
              onClick={actions.recall}
              disabled={!can.recall}
              busy={busy === 'recall'}
              testId="counter-recall"
            />
            <ActionButton
              label={t('actions.start')}
              keys={['S']}
              ariaKeys="S"
              onClick={actions.start}
              disabled={!can.start}
              busy={busy === 'start'}
              variant="primary"
              testId="counter-start"
            />
            <ActionButton
              label={t('actions.complete')}
              keys={['C']}
              ariaKeys="C"
              onClick={actions.complete}
              disabled={!can.complete}
              busy={busy === 'complete'}
              variant="primary"
              testId="counter-complete"
            />
            <ActionButton
              label={t('actions.noShow')}
              keys={['X']}
              ariaKeys="X"
              onClick={actions.noShow}
              disabled={!can.noShow}
              busy={busy === 'noShow'}
              variant="danger"
              testId="counter-no-show"
            />
            <ActionButton
              label={t('actions.transfer')}
              keys={['T']}
              ariaKeys="T"
              onClick={actions.transfer}
              disabled={!can.transfer}
              busy={busy === 'transfer'}
              testId="counter-transfer"
            />
            <ActionButton
              label={state === 'paused' ? t('actions.resume') : t('actions.pause')}
              keys={['P']}
              ariaKeys="P"
              onClick={actions.pause}
              disabled={!can.pause}
              busy={busy === 'pause'}
              variant="warning"
              testId="counter-pause"
            />
            <ActionButton
              label={t('actions.close')}
              keys={['Q']}
              ariaKeys="Q"
              onClick={actions.close}
              disabled={!can.close}
              busy={busy === 'close'}
              testId="counter-close"
            />
            <ActionButton
              label={t('actions.book')}
              keys={['B']}
              ariaKeys="B"
              onClick={actions.book}
              disabled={!can.book}
              testId="counter-book"
            />
          </div>

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
