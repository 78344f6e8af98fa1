'use client';
import { useFormatter, useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { rowLabel } from './labels';
import type { StatsFigures, StatsResult } from '../../contract/stats';

export function StatsTable({ result }: { result: StatsResult }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const { lang } = useAdmin();
  const timeAxis = result.groupBy === 'day' || result.groupBy === 'hour';
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T12:00:00Z`), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const rows = result.rows.filter((r) => timeAxis || r.issued + r.served + r.noShow + r.cancelled + r.transferred + r.called > 0);
  const min = (v: number | null) => (v === null ? '–' : format.number(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
  const pct = (v: number | null) => (v === null ? '–' : format.number(v, { style: 'percent', maximumFractionDigits: 1 }));
  const cells = (f: StatsFigures) => (
    <>
      <td className={styles.num}>{format.number(f.issued)}</td>
      <td className={styles.num}>{format.number(f.served)}</td>
      <td className={styles.num}>{format.number(f.noShow)}</td>
      <td className={styles.num}>{format.number(f.cancelled)}</td>
      <td className={styles.num}>{format.number(f.transferred)}</td>
      <td className={styles.num}>{min(f.waitP50)}</td>
      <td className={styles.num}>{min(f.waitP90)}</td>
      <td className={styles.num}>{min(f.serviceP50)}</td>
      <td className={styles.num}>{min(f.serviceP90)}</td>
      <td className={styles.num}>{pct(f.serviceLevel)}</td>
    </>
  );
  return (
    <section className={styles.card}>
      <div className={styles.cardHead}>
        <h2 id="admin-stats-table-title" className={styles.h2}>
          {t('stats.tableTitle', { group: t(`stats.group.${result.groupBy}`) })}
        </h2>
        <p className={styles.muted}>{t('stats.definitions')}</p>
      </div>
      <div
        className={`${styles.tableScroll} ${styles.statsTable}`}
        tabIndex={0}
        role="region"
        aria-labelledby="admin-stats-table-title"
      >
        <table className={styles.table} data-testid="admin-stats-table">
          <thead>
            <tr>
              <th scope="col">{t(`stats.group.${result.groupBy}`)}</th>
              <th scope="col" className={styles.num}>
                {t('figures.issued')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.served')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.noShow')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.cancelled')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.transferred')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.waitP50Min')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.waitP90Min')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.serviceP50Min')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.serviceP90Min')}
              </th>
              <th scope="col" className={styles.num}>
                {t('figures.serviceLevel')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={11}>{t('stats.noData')}</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.key ?? 'none'}>
                  <th scope="row">{rowLabel(r, lang, t('stats.none'), day)}</th>
                  {cells(r)}
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('stats.total')}</th>
              {cells(result.total)}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
