'use client';
/**
 * `/admin/forecast`: how many counters each hour of the coming days needs, next to how many are
 * usually open. The supervisor chooses the share of citizens to serve within their service's
 * target wait and how many days to see; each day has a chart (expected arrivals as bars, counters
 * needed and usually open as lines) and a table with the same figures for screen readers.
 */
import { useCallback, useEffect, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import { textIn } from '../../contract/lang';
import type { Forecast, ForecastDay } from '../../contract/forecast';
import { call } from '../../ui/http';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { usePageTitle } from '../usePageTitle';

const SHARES = [0.7, 0.8, 0.9, 0.95];
const DAYS = [1, 3, 5, 7];
const SHARE_KEY = 'sportello.admin.forecast.share';

/** Colours with at least 4.5:1 contrast on white, told apart by shape too (bars, solid and dashed lines). */
const C = { arrivals: '#9cb8de', needed: '#a4161a', planned: '#1b6b2f' };

export function ForecastView() {
  const t = useTranslations('admin');
  const format = useFormatter();
  const { officeId, lang } = useAdmin();
  const [share, setShare] = useState(0.8);
  const [days, setDays] = useState(5);
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fail = useFailure();
  usePageTitle('forecast.pageTitle');

  // The supervisor's share is remembered on this browser.
  useEffect(() => {
    const stored = Number(window.localStorage.getItem(SHARE_KEY));
    // Read once after mounting: the server render has no localStorage.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (SHARES.includes(stored)) setShare(stored);
  }, []);

  const load = useCallback(
    async (q: { share: number; days: number }) => {
      setBusy(true);
      setNotice(null);
      try {
        setForecast(await call(api.forecast, { query: { ...q, officeId: officeId ?? undefined } }));
      } catch (err) {
        fail(err, setNotice);
      } finally {
        setBusy(false);
      }
    },
    [fail, officeId],
  );

  useEffect(() => {
    // Shows "loading" at once (a synchronous setState by design).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load({ share, days });
  }, [load, share, days]);

  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 0 });
  const targets = forecast ? [...new Set(forecast.targets.map((x) => x.minutes))].sort((a, b) => a - b) : [];

  return (
    <main className={styles.main} data-testid="admin-forecast">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('forecast.title', { office: forecast ? textIn(forecast.office.name, lang) : '' })}</h1>
      </div>
      <form
        className={`${styles.card} ${styles.filters}`}
        aria-label={t('forecast.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('forecast.share')}</span>
          <select
            className={styles.select}
            value={share}
            data-testid="admin-forecast-share"
            onChange={(e) => {
              const v = Number(e.target.value);
              setShare(v);
              window.localStorage.setItem(SHARE_KEY, String(v));
            }}
          >
            {SHARES.map((s) => (
              <option key={s} value={s}>
                {pct(s)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('forecast.days')}</span>
          <select
            className={styles.select}
            value={days}
            data-testid="admin-forecast-days"
            onChange={(e) => setDays(Number(e.target.value))}
          >
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {t('forecast.daysOption', { count: d })}
              </option>
            ))}
          </select>
        </label>
      </form>
      <NoticeBox notice={notice} />
      {busy && !forecast && <p className={styles.muted}>{t('forecast.loading')}</p>}
      {forecast && (
        <p className={styles.muted} data-testid="admin-forecast-basis">
          {t('forecast.basis', {
            weeks: forecast.weeks,
            minutes: format.number(forecast.serviceMinutes, { maximumFractionDigits: 1 }),
            share: pct(forecast.share),
            targets: targets.join(', '),
            counters: forecast.counters,
          })}
        </p>
      )}
      {forecast?.days.map((d) => (
        <DayCard key={d.day} day={d} />
      ))}
    </main>
  );
}

function DayCard({ day }: { day: ForecastDay }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const title = format.dateTime(new Date(`${day.day}T12:00:00Z`), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const id = `forecast-${day.day}`;
  if (day.closed) {
    return (
      <section className={styles.card} aria-labelledby={id} data-testid="admin-forecast-day">
        <h2 id={id} className={styles.h}>
          {title}
        </h2>
        <p className={styles.muted}>{t('forecast.closed')}</p>
      </section>
    );
  }
  const data = day.hours.map((h) => ({ ...h, label: `${h.hour}:00` }));
  return (
    <section className={styles.card} aria-labelledby={id} data-testid="admin-forecast-day">
      <h2 id={id} className={styles.h}>
        {title}
      </h2>
      <figure className={styles.chartFigure}>
        <div className={styles.chartBox} role="img" aria-label={t('forecast.chartAlt')}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d5dae1" />
              <XAxis dataKey="label" tick={{ fontSize: 13, fill: '#333' }} />
              <YAxis yAxisId="arrivals" allowDecimals={false} tick={{ fontSize: 13, fill: '#333' }} />
              <YAxis yAxisId="counters" orientation="right" allowDecimals={false} tick={{ fontSize: 13, fill: '#333' }} />
              {/* Tooltip and legend texts in the body colour: the light bar colour is no text colour. */}
              <Tooltip itemStyle={{ color: '#1f1f1f' }} labelStyle={{ color: '#1f1f1f' }} />
              <Legend formatter={(value: string) => <span style={{ color: '#1f1f1f' }}>{value}</span>} />
              <Bar
                yAxisId="arrivals"
                dataKey="arrivals"
                name={t('forecast.arrivals')}
                fill={C.arrivals}
                isAnimationActive={false}
              />
              <Line
                yAxisId="counters"
                dataKey="countersNeeded"
                name={t('forecast.needed')}
                stroke={C.needed}
                strokeWidth={2.5}
                type="stepAfter"
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
              <Line
                yAxisId="counters"
                dataKey="countersPlanned"
                name={t('forecast.planned')}
                stroke={C.planned}
                strokeWidth={2.5}
                strokeDasharray="6 4"
                type="stepAfter"
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <figcaption className={styles.chartCaption}>{t('forecast.chartCaption')}</figcaption>
      </figure>
      <div className={styles.tableScroll}>
        <table className={styles.table} data-testid="admin-forecast-table">
          <caption className={styles.srOnly}>{t('forecast.tableCaption', { day: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forecast.hour')}</th>
              <th scope="col" className={styles.num}>
                {t('forecast.arrivals')}
              </th>
              <th scope="col" className={styles.num}>
                {t('forecast.appointments')}
              </th>
              <th scope="col" className={styles.num}>
                {t('forecast.needed')}
              </th>
              <th scope="col" className={styles.num}>
                {t('forecast.planned')}
              </th>
              <th scope="col" className={styles.num}>
                {t('forecast.simulated')}
              </th>
            </tr>
          </thead>
          <tbody>
            {day.hours.map((h) => {
              const short = Math.round(h.countersPlanned) < h.countersNeeded;
              return (
                <tr key={h.hour} className={short ? styles.rowWarn : undefined} data-short={short}>
                  <th scope="row">{`${h.hour}:00`}</th>
                  <td className={styles.num}>{format.number(h.arrivals, { maximumFractionDigits: 0 })}</td>
                  <td className={styles.num}>{format.number(h.appointments, { maximumFractionDigits: 0 })}</td>
                  <td className={styles.num} data-testid="admin-forecast-needed">
                    {h.countersNeeded}
                    {h.countersNeeded > h.erlangC && (
                      <span className={styles.muted}> {t('forecast.raised', { erlang: h.erlangC })}</span>
                    )}
                  </td>
                  <td className={styles.num}>
                    {format.number(h.countersPlanned, { maximumFractionDigits: 1 })}
                    {short && <span> {t('forecast.short', { count: h.countersNeeded - Math.round(h.countersPlanned) })}</span>}
                  </td>
                  <td className={styles.num}>
                    {h.simulatedShare === null
                      ? '–'
                      : format.number(h.simulatedShare, { style: 'percent', maximumFractionDigits: 0 })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
