'use client';
import { textIn } from '../../contract/lang';
import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { Ack } from '../../contract/realtime';
import type { PrinterAlert, SupervisorCounter, SupervisorSnapshot } from '../../contract/supervisor';
import { printerNeedsAttention } from '../../contract/supervisor';
import { getSocket, useSubscription } from '../../ui/socket';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { usePageTitle } from '../usePageTitle';
import { AlertList } from './AlertList';
import { ProcedureBacklog } from './ProcedureBacklog';
import { CloseCounterDialog } from './CloseCounterDialog';
import { CounterTable } from './CounterTable';
import { MoveTicketDialog } from './MoveTicketDialog';
import { QueueTable } from './QueueTable';
import { ServicesDialog } from './ServicesDialog';

/** Oldest waits and "wait over target" alerts grow with time alone: refresh the snapshot this often. */
const REFRESH_MS = 30_000;

type Open =
  | { kind: 'services'; counter: SupervisorCounter }
  | { kind: 'close'; counter: SupervisorCounter }
  | { kind: 'move'; serviceId: string }
  | null;

/** A printer event between two snapshots: update that kiosk and its alert. */
function withPrinter(s: SupervisorSnapshot, p: PrinterAlert): SupervisorSnapshot {
  if (p.officeId !== s.office.id) return s;
  const printers = [...s.printers.filter((x) => x.kioskId !== p.kioskId), p].sort((a, b) => a.name.localeCompare(b.name));
  const others = s.alerts.filter((a) => !(a.kind === 'printer' && a.printer.kioskId === p.kioskId));
  return { ...s, printers, alerts: printerNeedsAttention(p) ? [...others, { kind: 'printer', printer: p }] : others };
}

export function LiveView() {
  const t = useTranslations('admin');
  const { officeId, lang, onUnauthorized } = useAdmin();
  const { data, setData, error, connected } = useSubscription('supervisor:subscribe', officeId ? { officeId } : null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  usePageTitle('live.pageTitle');

  useEffect(() => {
    if (error?.code === 'unauthorized') onUnauthorized();
  }, [error, onUnauthorized]);

  useEffect(() => {
    const socket = getSocket();
    const onSnapshot = (s: SupervisorSnapshot) => setData((cur) => (!cur || cur.office.id === s.office.id ? s : cur));
    const onPrinter = (p: PrinterAlert) => setData((cur) => (cur ? withPrinter(cur, p) : cur));
    socket.on('supervisor', onSnapshot);
    socket.on('printer', onPrinter);
    const timer = window.setInterval(() => {
      if (!socket.connected || !officeId) return;
      socket.emit('supervisor:subscribe', { officeId }, (r: Ack<SupervisorSnapshot>) => {
        if (r.ok) setData(r.data);
      });
    }, REFRESH_MS);
    return () => {
      socket.off('supervisor', onSnapshot);
      socket.off('printer', onPrinter);
      window.clearInterval(timer);
    };
  }, [officeId, setData]);

  const done = useCallback((n: Notice) => {
    setOpen(null);
    setNotice(n);
  }, []);

  const waiting = data?.queues.reduce((n, q) => n + q.waiting, 0) ?? 0;
  const openCounters = data?.counters.filter((c) => c.state !== 'closed').length ?? 0;

  return (
    <main className={styles.main} aria-busy={!data} data-testid="admin-live">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('live.title', { office: data ? textIn(data.office.name, lang) : '' })}</h1>
        {data && (
          <ul className={styles.summary} aria-label={t('live.summary')}>
            <li className={styles.chip}>
              {t('live.waitingTotal')}
              <span className={styles.chipValue} data-testid="admin-live-waiting-total">
                {waiting}
              </span>
            </li>
            <li className={styles.chip}>
              {t('live.countersOpen')}
              <span className={styles.chipValue}>{t('live.ofTotal', { n: openCounters, total: data.counters.length })}</span>
            </li>
            <li className={`${styles.chip} ${data.alerts.length > 0 ? styles.chipAlert : ''}`}>
              {t('live.alertsCount')}
              <span className={styles.chipValue} data-testid="admin-live-alert-count">
                {data.alerts.length}
              </span>
            </li>
          </ul>
        )}
        {data && <ProcedureBacklog officeId={data.office.id} />}
      </div>
      {!connected && data && (
        <p className={styles.banner} role="alert">
          {t('connectionLost')}
        </p>
      )}
      {error && error.code !== 'unauthorized' && (
        <p className={styles.banner} role="alert">
          {t(error.code === 'forbidden' ? 'errors.forbidden' : 'errors.generic', { code: error.code })}
        </p>
      )}
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      {!data ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <AlertList alerts={data.alerts} />
          <div className={styles.live}>
            <CounterTable
              counters={data.counters}
              services={data.services}
              onServices={(counter) => setOpen({ kind: 'services', counter })}
              onClose={(counter) => setOpen({ kind: 'close', counter })}
            />
            <QueueTable
              queues={data.queues}
              services={data.services}
              onMove={(serviceId) => setOpen({ kind: 'move', serviceId })}
            />
          </div>
        </>
      )}
      {data && open?.kind === 'services' && (
        <ServicesDialog counter={open.counter} services={data.services} onClose={() => setOpen(null)} onDone={done} />
      )}
      {data && open?.kind === 'close' && (
        <CloseCounterDialog counter={open.counter} onClose={() => setOpen(null)} onDone={done} />
      )}
      {data && open?.kind === 'move' && (
        <MoveTicketDialog serviceId={open.serviceId} services={data.services} onClose={() => setOpen(null)} onDone={done} />
      )}
    </main>
  );
}
