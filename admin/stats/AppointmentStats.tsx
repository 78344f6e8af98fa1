'use client';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormatter, useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { rowLabel, shortLabel } from './labels';
import type { StatsFigures, StatsResult } from '../../contract/stats';

/** Same palette rules as StatsCharts: ≥ 4.5:1 on white, bars and a line. */
const C = { checkedIn: '#1b6b2f', noShow: '#a4161a', cancelled: '#6b5a00', booked: '#0b4f9c' };

const hasAppointments = (f: StatsFigures) => f.apptBooked + f.apptCheckedIn + f.apptCancelled + f.apptNoShow > 0;

/**
 * Appointments of the period, by the same grouping as the tickets: booked, checked in, cancelled,
 * no-show, each counted when it happened (server/stats/figures.ts). A chart and its table.
 */
export function AppointmentStats({ result }: { result: StatsResult }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const { lang } = useAdmin();
  const timeAxis = result.groupBy === 'day' || result.groupBy === 'hour';
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T12:00:00Z`), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const rows = result.rows.filter((r) => timeAxis || hasAppointments(r));
  const data = rows.map((r) => {
    const label = rowLabel(r, lang, t('stats.noStaff'), day);
    return {
      label,
      short: shortLabel(label),
      booked: r.apptBooked,
      checkedIn: r.apptCheckedIn,
      cancelled: r.apptCancelled,
      noShow: r.apptNoShow,
    };
  });
  const n = (v: number) => format.number(v);

  return (
    <section className={styles.card} data-testid="admin-stats-appointments">
      <div className={styles.cardHead}>
        <h2 id="admin-stats-appointments-title" className={styles.h2}>
          {t('stats.appointmentsTitle')}
        </h2>
        <p className={styles.muted}>{t('stats.appointmentsDefinitions')}</p>
      </div>
      {!hasAppointments(result.total) ? (
        <p className={styles.muted}>{t('stats.noAppointments')}</p>
      ) : (
        <>
          <div
            className={styles.chartBox}
            role="img"
            aria-label={t('stats.chartAppointmentsAlt')}
            data-testid="admin-stats-chart-appointments"
          >
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" stroke="#d5dae1" />
                <XAxis
                  dataKey="short"
                  interval={timeAxis ? 'preserveStartEnd' : 0}
                  angle={timeAxis ? 0 : -30}
                  textAnchor={timeAxis ? 'middle' : 'end'}
                  height={timeAxis ? 30 : 90}
                  tick={{ fontSize: 13, fill: '#333' }}
                />
                <YAxis allowDecimals={false} tick={{ fontSize: 13, fill: '#333' }} />
                <Tooltip labelFormatter={(_l, p) => (p?.[0]?.payload as { label?: string } | undefined)?.label ?? ''} />
                <Legend />
                <Bar
                  dataKey="checkedIn"
                  name={t('figures.apptCheckedIn')}
                  stackId="a"
                  fill={C.checkedIn}
                  isAnimationActive={false}
                />
                <Bar dataKey="noShow" name={t('figures.apptNoShow')} stackId="a" fill={C.noShow} isAnimationActive={false} />
                <Bar
                  dataKey="cancelled"
                  name={t('figures.apptCancelled')}
                  stackId="a"
                  fill={C.cancelled}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="booked"
                  name={t('figures.apptBooked')}
                  stroke={C.booked}
                  strokeWidth={2.5}
                  dot={{ r: 3 }}
                  type="monotone"
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="admin-stats-appointments-title">
            <table className={styles.table} data-testid="admin-stats-appointments-table">
              <thead>
                <tr>
                  <th scope="col">{t(`stats.group.${result.groupBy}`)}</th>
                  <th scope="col" className={styles.num}>
                    {t('figures.apptBooked')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('figures.apptCheckedIn')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('figures.apptCancelled')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('figures.apptNoShow')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((r, i) => (
                  <tr key={rows[i].key ?? 'none'}>
                    <th scope="row">{r.label}</th>
                    <td className={styles.num}>{n(r.booked)}</td>
                    <td className={styles.num}>{n(r.checkedIn)}</td>
                    <td className={styles.num}>{n(r.cancelled)}</td>
                    <td className={styles.num}>{n(r.noShow)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('stats.total')}</th>
                  <td className={styles.num}>{n(result.total.apptBooked)}</td>
                  <td className={styles.num}>{n(result.total.apptCheckedIn)}</td>
                  <td className={styles.num}>{n(result.total.apptCancelled)}</td>
                  <td className={styles.num}>{n(result.total.apptNoShow)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
