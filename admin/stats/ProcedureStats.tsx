'use client';
import { useCallback, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import type { ProcedureStats as Stats } from '../../contract/procedure-stats';
import { textIn } from '../../contract/lang';
import { call } from '../../ui/http';
import { useLoad } from '../../ui/useLoad';
import styles from '../admin.module.css';
import { useAdmin } from '../context';

/**
 * The office's procedures ("pratiche") over the same days as the tickets: the backlog now, and per
 * service what was opened and closed, the median days to completion and the share closed within
 * the legal deadline (server/stats/procedures.ts).
 */
export function ProcedureStats({ from, to }: { from: string; to: string }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const { officeId, lang } = useAdmin();
  const [stats, setStats] = useState<Stats | null>(null);
  const load = useCallback(async () => {
    setStats(await call(api.procedureStats, { query: { from, to, officeId: officeId ?? undefined } }).catch(() => null));
  }, [from, to, officeId]);
  useLoad(load);
  if (!stats) return null;
  const n = (v: number) => format.number(v);
  const share = (v: number | null) => (v === null ? '–' : format.number(v, { style: 'percent', maximumFractionDigits: 0 }));
  const days = (v: number | null) => (v === null ? '–' : format.number(v, { maximumFractionDigits: 1 }));
  const { backlog, total } = stats;
  const columns = ['opened', 'completed', 'rejected', 'withdrawn', 'medianDaysToComplete', 'withinDeadlineShare'] as const;
  const cell = (f: Stats['total'], c: (typeof columns)[number]) =>
    c === 'medianDaysToComplete' ? days(f[c]) : c === 'withinDeadlineShare' ? share(f[c]) : n(f[c]);

  return (
    <section className={styles.card} data-testid="admin-stats-procedures">
      <div className={styles.cardHead}>
        <h2 id="admin-stats-procedures-title" className={styles.h2}>
          {t('stats.proceduresTitle')}
        </h2>
        <p className={styles.muted}>{t('stats.proceduresDefinitions')}</p>
        <a
          className={styles.buttonSecondary}
          href={`/api/stats/procedures.csv?${new URLSearchParams({ from, to, officeId: stats.office.id, lang })}`}
          download
          data-testid="admin-stats-procedures-csv"
        >
          {t('stats.csv')}
        </a>
      </div>
      <ul className={styles.kpis} aria-label={t('stats.backlogTitle')}>
        {(['open', 'waitingCitizen', 'dueSoon', 'overdue'] as const).map((k) => (
          <li key={k} className={styles.kpi}>
            <span className={styles.kpiLabel}>{t(`stats.backlog.${k}`)}</span>
            <span className={styles.kpiValue} data-testid={`admin-stats-backlog-${k}`}>
              {n(backlog[k])}
            </span>
          </li>
        ))}
      </ul>
      {stats.rows.length === 0 ? (
        <p className={styles.muted}>{t('stats.noProcedures')}</p>
      ) : (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="admin-stats-procedures-title">
          <table className={styles.table} data-testid="admin-stats-procedures-table">
            <thead>
              <tr>
                <th scope="col">{t('stats.group.service')}</th>
                {columns.map((c) => (
                  <th key={c} scope="col" className={styles.num}>
                    {t(`stats.procedureFigures.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.rows.map((r) => (
                <tr key={r.serviceId}>
                  <th scope="row">{textIn(r.name, lang)}</th>
                  {columns.map((c) => (
                    <td key={c} className={styles.num}>
                      {cell(r, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stats.total')}</th>
                {columns.map((c) => (
                  <td key={c} className={styles.num}>
                    {cell(total, c)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
