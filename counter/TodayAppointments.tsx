'use client';
/**
 * Today's appointments of the counter's office (GET /api/appointments/today): who is booked,
 * checked in (with the ticket number), at a counter, done, missed or cancelled. Refreshed when the
 * counter's snapshot changes (a check-in puts a ticket in the queue) and every 30 seconds.
 */
import { textIn } from '../contract/lang';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import { api } from '../contract/api';
import type { TodayAnswer as Today } from '../contract/appointments';
import { call } from '../ui/http';
import styles from './counter.module.css';
import local from './appointments.module.css';

const REFRESH_MS = 30_000;

export function TodayAppointments({ officeId, lang, refreshKey }: { officeId: string; lang: LanguageCode; refreshKey: string }) {
  const t = useTranslations('counter');
  const [data, setData] = useState<Today | null>(null);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const id = window.setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(id);
  }, []);

  useEffect(() => {
    let live = true;
    call(api.todayAppointments, { query: { officeId } })
      .then((r) => {
        if (!live) return;
        setData(r);
        setFailed(false);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [officeId, refreshKey, tick]);

  const active = data?.appointments.filter((a) => a.status !== 'cancelled') ?? [];
  return (
    <section className={`${styles.card} ${local.today}`} data-testid="counter-today">
      <h2 id="counter-today-title" className={styles.cardTitle}>
        {t('today.title')}
      </h2>
      {failed && !data ? <p className={styles.muted}>{t('today.failed')}</p> : null}
      {data && active.length === 0 ? <p className={styles.muted}>{t('today.empty')}</p> : null}
      {data && active.length > 0 ? (
        <>
          <p className={local.counts}>
            {(['booked', 'checked_in', 'serving', 'done', 'no_show'] as const).map((s) => (
              <span key={s} className={`${local.pill} ${local[s]}`}>
                {t(`today.status.${s}`)}: {data.counts[s]}
              </span>
            ))}
          </p>
          <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="counter-today-title">
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('today.time')}</th>
                  <th scope="col">{t('today.who')}</th>
                  <th scope="col">{t('today.state')}</th>
                </tr>
              </thead>
              <tbody>
                {active.map((a) => (
                  <tr key={a.id} data-testid={`counter-today-${a.code}`} data-status={a.status}>
                    <td className={local.time}>{a.time}</td>
                    <td>
                      <span className={local.who}>{a.name ?? t('today.noName')}</span>
                      <span className={local.detail}>
                        {textIn(a.service.name, lang)} · {a.code}
                        {a.phone ? ` · ${a.phone}` : ''}
                      </span>
                    </td>
                    <td>
                      <span className={`${local.pill} ${local[a.status]}`}>{t(`today.status.${a.status}`)}</span>
                      {a.ticket ? (
                        <span className={local.detail}>
                          {a.ticket.late
                            ? t('today.lateTicket', { number: a.ticket.number })
                            : t('today.ticket', { number: a.ticket.number })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
