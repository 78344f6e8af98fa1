'use client';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormatter, useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { rowLabel, shortLabel } from './labels';
import type { StatsResult } from '../../contract/stats';

/** Colours with at least 4.5:1 contrast on white, told apart by shape too (bars, solid and dashed lines). */
const C = {
  served: '#1b6b2f',
  noShow: '#a4161a',
  cancelled: '#6b5a00',
  issued: '#0b4f9c',
  waitP50: '#0b4f9c',
  waitP90: '#6a2c91',
  serviceP50: '#1b6b2f',
};

/**
 * Two charts of the same rows as the table: visits by outcome, and waits and service times.
 * The table below carries the same numbers for screen readers, so the charts are images with a
 * caption.
 */
export function StatsCharts({ result }: { result: StatsResult }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const { lang } = useAdmin();
  const timeAxis = result.groupBy === 'day' || result.groupBy === 'hour';
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  // Quiet services, counters and clerks would only flatten the chart.
  const rows = result.rows.filter((r) => timeAxis || r.issued + r.served + r.noShow + r.cancelled + r.transferred + r.called > 0);
  const data = rows.map((r) => {
    const label = rowLabel(r, lang, t('stats.none'), day);
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return {
      label,
      short: shortLabel(label),
      issued: r.issued,
      served: r.served,
      noShow: r.noShow,
      cancelled: r.cancelled,
      waitP50: round(r.waitP50),
      waitP90: round(r.waitP90),
      serviceP50: round(r.serviceP50),
    };
  });
  if (data.length === 0) return <p className={styles.muted}>{t('stats.noData')}</p>;
  const angle = timeAxis ? 0 : -30;
  const xAxis = (
    <XAxis
      dataKey="short"
      interval={timeAxis ? 'preserveStartEnd' : 0}
      angle={angle}
      textAnchor={angle ? 'end' : 'middle'}
      height={angle ? 90 : 30}
      tick={{ fontSize: 13, fill: '#333' }}
    />
  );
  const tooltip = <Tooltip labelFormatter={(_l, p) => (p?.[0]?.payload as { label?: string } | undefined)?.label ?? ''} />;

  return (
    <div className={styles.charts}>
      <figure className={`${styles.card} ${styles.chartFigure}`} aria-labelledby="admin-chart-visits">
        <figcaption id="admin-chart-visits" className={styles.chartCaption}>
          {t('stats.chartVisits')}
        </figcaption>
        <div className={styles.chartBox} role="img" aria-label={t('stats.chartVisitsAlt')} data-testid="admin-stats-chart-visits">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d5dae1" />
              {xAxis}
              <YAxis allowDecimals={false} tick={{ fontSize: 13, fill: '#333' }} />
              {tooltip}
              <Legend />
              <Bar dataKey="served" name={t('figures.served')} stackId="v" fill={C.served} isAnimationActive={false} />
              <Bar dataKey="noShow" name={t('figures.noShow')} stackId="v" fill={C.noShow} isAnimationActive={false} />
              <Bar dataKey="cancelled" name={t('figures.cancelled')} stackId="v" fill={C.cancelled} isAnimationActive={false} />
              <Line
                dataKey="issued"
                name={t('figures.issued')}
                stroke={C.issued}
                strokeWidth={2.5}
                dot={{ r: 3 }}
                type="monotone"
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className={`${styles.card} ${styles.chartFigure}`} aria-labelledby="admin-chart-waits">
        <figcaption id="admin-chart-waits" className={styles.chartCaption}>
          {t('stats.chartWaits')}
        </figcaption>
        <div className={styles.chartBox} role="img" aria-label={t('stats.chartWaitsAlt')} data-testid="admin-stats-chart-waits">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d5dae1" />
              {xAxis}
              <YAxis tick={{ fontSize: 13, fill: '#333' }} unit=" min" width={70} />
              {tooltip}
              <Legend />
              {timeAxis ? (
                <>
                  <Line
                    dataKey="waitP50"
                    name={t('figures.waitP50')}
                    stroke={C.waitP50}
                    strokeWidth={2.5}
                    dot={{ r: 3 }}
                    connectNulls
                    type="monotone"
                    isAnimationActive={false}
                  />
                  <Line
                    dataKey="waitP90"
                    name={t('figures.waitP90')}
                    stroke={C.waitP90}
                    strokeWidth={2.5}
                    strokeDasharray="6 4"
                    dot={{ r: 3 }}
                    connectNulls
                    type="monotone"
                    isAnimationActive={false}
                  />
                  <Line
                    dataKey="serviceP50"
                    name={t('figures.serviceP50')}
                    stroke={C.serviceP50}
                    strokeWidth={2.5}
                    dot={{ r: 3 }}
                    connectNulls
                    type="monotone"
                    isAnimationActive={false}
                  />
                </>
              ) : (
                <>
                  <Bar dataKey="waitP50" name={t('figures.waitP50')} fill={C.waitP50} isAnimationActive={false} />
                  <Bar dataKey="waitP90" name={t('figures.waitP90')} fill={C.waitP90} isAnimationActive={false} />
                  <Bar dataKey="serviceP50" name={t('figures.serviceP50')} fill={C.serviceP50} isAnimationActive={false} />
                </>
              )}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
