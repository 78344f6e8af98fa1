'use client';
import { textIn } from '../../contract/lang';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import type { WaitingTicket } from '../../contract/tickets';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { minutesSince, useNow } from '../../ui/time';
import type { SupervisorService } from '../../contract/supervisor';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { Dialog } from '../../ui/staff/Dialog';
import { DialogActions } from '../DialogActions';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';

/** Move one waiting ticket of a queue to another service; it keeps its number and its place in time. */
export function MoveTicketDialog({
  serviceId,
  services,
  onClose,
  onDone,
}: {
  serviceId: string;
  services: SupervisorService[];
  onClose: () => void;
  onDone: (n: Notice) => void;
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const fail = useFailure();
  const now = useNow(15_000);
  const [tickets, setTickets] = useState<WaitingTicket[] | null>(null);
  const [ticketId, setTicketId] = useState('');
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const source = services.find((s) => s.id === serviceId);
  const label = (s: SupervisorService) => `${s.prefix} · ${textIn(s.name, lang)}`;

  useEffect(() => {
    call(api.serviceQueue, { params: { serviceId } })
      .then((data) => {
        setTickets(data.tickets);
        setTicketId(data.tickets[0]?.id ?? '');
      })
      .catch((err: unknown) => {
        setTickets([]);
        fail(err, setNotice);
      });
  }, [serviceId, fail]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ticketId || !target) return setNotice({ kind: 'error', key: 'moveDialog.needBoth' });
    setBusy(true);
    try {
      const data = await call(api.moveTicket, { params: { id: ticketId }, body: { serviceId: target } });
      const to = services.find((s) => s.id === target);
      onDone({
        kind: 'success',
        key: 'moveDialog.done',
        values: { number: data.ticket.number, service: to ? label(to) : '' },
      });
    } catch (err) {
      fail(err, setNotice);
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('moveDialog.title', { service: source ? label(source) : '' })} onClose={onClose} testId="admin-move-dialog">
      <form className={styles.dialogForm} onSubmit={submit}>
        <p className={styles.muted}>{t('moveDialog.intro')}</p>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('moveDialog.ticket')}</legend>
          {tickets === null ? (
            <p>{t('loading')}</p>
          ) : tickets.length === 0 ? (
            <p className={styles.muted}>{t('moveDialog.noTickets')}</p>
          ) : (
            <ul className={`${styles.choiceList} ${styles.choiceListSingle}`}>
              {tickets.map((tk) => (
                <li key={tk.id}>
                  <label className={styles.choice}>
                    <input
                      type="radio"
                      name="ticket"
                      value={tk.id}
                      checked={ticketId === tk.id}
                      onChange={() => setTicketId(tk.id)}
                      data-testid={`admin-move-ticket-${tk.number}`}
                    />
                    <span>
                      <span className={styles.ticketNumber}>{tk.number}</span>{' '}
                      {t('moveDialog.waited', { minutes: minutesSince(tk.queuedAt, now) })}
                      {tk.priority !== 'none' && ` · ${t(`priority.${tk.priority}`)}`}
                      {tk.direct && ` · ${t('moveDialog.direct')}`}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('moveDialog.to')}</span>
          <select
            className={styles.select}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="admin-move-target"
          >
            <option value="">{t('moveDialog.choose')}</option>
            {services
              .filter((s) => s.id !== serviceId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {label(s)}
                </option>
              ))}
          </select>
        </label>
        <NoticeBox notice={notice} testId="admin-dialog-message" />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('moveDialog.submit')}
          submitTestId="admin-move-submit"
          disabled={busy || !tickets?.length}
        />
      </form>
    </Dialog>
  );
}
