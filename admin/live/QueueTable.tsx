'use client';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { QueueInfo } from '../../contract/queues';
import type { SupervisorService } from '../../contract/supervisor';
import styles from '../admin.module.css';
import { useAdmin } from '../context';

/** Per-service queue figures; by default only the queues where somebody waits (the desk has ~90 services). */
export function QueueTable({
  queues,
  services,
  onMove,
}: {
  queues: QueueInfo[];
  services: SupervisorService[];
  onMove: (serviceId: string) => void;
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const [all, setAll] = useState(false);
  const target = new Map(services.map((s) => [s.id, s.targetWaitMinutes]));
  const rows = queues
    .filter((q) => all || q.waiting > 0)
    .sort((a, b) => b.waiting - a.waiting || b.oldestWaitMinutes - a.oldestWaitMinutes);
  return (
    <section className={styles.card} aria-labelledby="admin-queues-title">
      <div className={styles.cardHead}>
        <h2 id="admin-queues-title" className={styles.h2}>
          {t('queues.title')}
        </h2>
        <label className={styles.check}>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="admin-queues-all" />
          {t('queues.showAll')}
        </label>
      </div>
      {rows.length === 0 ? (
        <p className={styles.muted}>{t('queues.empty')}</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={styles.table} data-testid="admin-queues">
            <thead>
              <tr>
                <th scope="col">{t('queues.service')}</th>
                <th scope="col" className={styles.num}>
                  {t('queues.waiting')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('queues.oldest')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('queues.target')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('queues.estimate')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('queues.counters')}
                </th>
                <th scope="col" className={styles.num}>
                  <span className="visually-hidden">{t('queues.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((q) => {
                const goal = target.get(q.serviceId) ?? 0;
                const over = q.waiting > 0 && q.oldestWaitMinutes > goal;
                const unserved = q.waiting > 0 && q.openCounters === 0;
                const name = lang === 'en' ? q.nameEn : q.nameIt;
                return (
                  <tr
                    key={q.serviceId}
                    className={`${unserved ? styles.rowAlert : ''} ${over ? styles.rowWarn : ''}`}
                    data-testid={`admin-queue-${q.serviceId}`}
                  >
                    <th scope="row">
                      <span className={styles.prefix}>{q.prefix}</span>
                      {name}
                    </th>
                    <td className={styles.num} data-testid={`admin-queue-${q.serviceId}-waiting`}>
                      {q.waiting}
                    </td>
                    <td className={`${styles.num} ${over ? styles.over : ''}`}>
                      {q.waiting > 0 ? t('minutes', { count: q.oldestWaitMinutes }) : '–'}
                    </td>
                    <td className={styles.num}>{t('minutes', { count: goal })}</td>
                    <td className={styles.num}>
                      {q.waiting === 0
                        ? '–'
                        : q.openCounters === 0
                          ? t('queues.noEstimate')
                          : q.estimatedWaitMinMinutes < q.estimatedWaitMaxMinutes
                            ? t('minutesRange', { min: q.estimatedWaitMinMinutes, max: q.estimatedWaitMaxMinutes })
                            : t('minutes', { count: q.estimatedWaitMinutes })}
                    </td>
                    <td className={styles.num}>{q.openCounters}</td>
                    <td>
                      <div className={styles.actionsCell}>
                        <button
                          type="button"
                          className={styles.buttonSmall}
                          disabled={q.waiting === 0}
                          onClick={() => onMove(q.serviceId)}
                          aria-label={t('queues.moveFrom', { service: name })}
                          data-testid={`admin-queue-${q.serviceId}-move`}
                        >
                          {t('queues.move')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
