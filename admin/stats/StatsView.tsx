'use client';
import { textIn } from '../../contract/lang';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import { call } from '../../ui/http';
import styles from '../admin.module.css';
import { useAdmin } from '../context';
import { NoticeBox, type Notice } from '../notice';
import { useFailure } from '../useFailure';
import { usePageTitle } from '../usePageTitle';
import { AppointmentStats } from './AppointmentStats';
import { ProcedureStats } from './ProcedureStats';
import { StatsCharts } from './StatsCharts';
import { StatsTable } from './StatsTable';
import { GROUP_BYS, type GroupBy, type StatsResult } from '../../contract/stats';

/** Today in the offices' time zone as YYYY-MM-DD, shifted by `days`. */
function localDay(days = 0, timeZone = 'Europe/Rome'): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function monthStart(): string {
  return `${localDay().slice(0, 8)}01`;
}

export function StatsView() {
  const t = useTranslations('admin');
  const format = useFormatter();
  const { officeId, lang } = useAdmin();
  const [from, setFrom] = useState(() => localDay());
  const [to, setTo] = useState(() => localDay());
  const [groupBy, setGroupBy] = useState<GroupBy>('hour');
  const [result, setResult] = useState<StatsResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  usePageTitle('stats.pageTitle');

  const query = (g: GroupBy = groupBy, f = from, tt = to) => ({ from: f, to: tt, groupBy: g, officeId: officeId ?? undefined });

  const fail = useFailure();

  const load = useCallback(
    async (q: ReturnType<typeof query>) => {
      setBusy(true);
      setNotice(null);
      try {
        const data = await call(api.stats, { query: q });
        setResult(data);
      } catch (err) {
        fail(err, setNotice);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );

  // First load, and again when the office changes.
  useEffect(() => {
    // Shows "loading" at once (a synchronous setState by design).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(query());
    // The form's other fields apply on submit only: `query` is read here, not followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [officeId, load]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!from || !to || from > to) return setNotice({ kind: 'error', key: 'stats.badRange' });
    void load(query());
  }

  function quick(f: string, tt: string) {
    setFrom(f);
    setTo(tt);
    void load(query(groupBy, f, tt));
  }

  const total = result?.total;
  const minutes = (v: number | null | undefined) =>
    v === null || v === undefined
      ? '–'
      : t('minutesDecimal', { value: format.number(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) });
  const share = (v: number | null | undefined) =>
    v === null || v === undefined ? '–' : format.number(v, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <main className={styles.main} data-testid="admin-stats">
      <div className={styles.pageHead}>
        <h1 className={styles.h1}>{t('stats.title', { office: result ? textIn(result.office.name, lang) : '' })}</h1>
      </div>
      <form className={`${styles.card} ${styles.filters}`} onSubmit={submit} aria-label={t('stats.filters')}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('stats.from')}</span>
          <input
            className={styles.input}
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
            required
            data-testid="admin-stats-from"
          />
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('stats.to')}</span>
          <input
            className={styles.input}
            type="date"
            value={to}
            min={from}
            onChange={(e) => setTo(e.target.value)}
            required
            data-testid="admin-stats-to"
          />
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t('stats.groupBy')}</span>
          <select
            className={styles.select}
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as GroupBy)}
            data-testid="admin-stats-groupby"
          >
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {t(`stats.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={styles.buttonPrimary} disabled={busy} data-testid="admin-stats-submit">
          {t('stats.show')}
        </button>
        <div className={styles.quick} role="group" aria-label={t('stats.quick')}>
          <button type="button" className={styles.buttonSmall} onClick={() => quick(localDay(), localDay())}>
            {t('stats.today')}
          </button>
          <button type="button" className={styles.buttonSmall} onClick={() => quick(localDay(-1), localDay(-1))}>
            {t('stats.yesterday')}
          </button>
          <button type="button" className={styles.buttonSmall} onClick={() => quick(localDay(-6), localDay())}>
            {t('stats.last7')}
          </button>
          <button type="button" className={styles.buttonSmall} onClick={() => quick(monthStart(), localDay())}>
            {t('stats.thisMonth')}
          </button>
        </div>
        {result && (
          <a
            className={styles.buttonSecondary}
            href={`/api/stats.csv?${new URLSearchParams({ from: result.from, to: result.to, groupBy: result.groupBy, officeId: result.office.id, lang })}`}
            download
            data-testid="admin-stats-csv"
          >
            {t('stats.csv')}
          </a>
        )}
      </form>
      <NoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      {total && result && (
        <>
          <ul className={styles.kpis} aria-label={t('stats.totals')} data-testid="admin-stats-totals">
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.issued')}</span>
              <span className={styles.kpiValue} data-testid="admin-stats-total-issued">
                {format.number(total.issued)}
              </span>
            </li>
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.served')}</span>
              <span className={styles.kpiValue}>{format.number(total.served)}</span>
            </li>
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.noShow')}</span>
              <span className={styles.kpiValue}>{format.number(total.noShow)}</span>
            </li>
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.cancelled')}</span>
              <span className={styles.kpiValue}>{format.number(total.cancelled)}</span>
            </li>
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.transferred')}</span>
              <span className={styles.kpiValue}>{format.number(total.transferred)}</span>
            </li>
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.wait')}</span>
              <span className={styles.kpiValue}>{minutes(total.waitP50)}</span>
              <span className={styles.kpiSub}>{t('stats.p90', { value: minutes(total.waitP90) })}</span>
            </li>
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.serviceTime')}</span>
              <span className={styles.kpiValue}>{minutes(total.serviceP50)}</span>
              <span className={styles.kpiSub}>{t('stats.p90', { value: minutes(total.serviceP90) })}</span>
            </li>
            <li className={styles.kpi}>
              <span className={styles.kpiLabel}>{t('figures.serviceLevel')}</span>
              <span className={styles.kpiValue}>{share(total.serviceLevel)}</span>
              <span className={styles.kpiSub}>{t('stats.withinOf', { within: total.withinTarget, called: total.called })}</span>
            </li>
          </ul>
          <StatsCharts result={result} />
          <StatsTable result={result} />
          <AppointmentStats result={result} />
          <ProcedureStats from={result.from} to={result.to} />
        </>
      )}
    </main>
  );
}
