'use client';
/**
 * `/attese`: live waits for everyone, phone first. Per office: open or closed now, per walk-in
 * service the people waiting and the estimated wait (with its range), and the "best time to come"
 * chart. The same data as the open-data API (GET /api/public/waits), fetched again every
 * `refreshSeconds` and when the page comes back into view.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../contract/api';
import { localeOf, textIn } from '../contract/lang';
import type { QueueInfo } from '../contract/queues';
import type { PublicOfficeWaits, PublicWaits } from '../contract/waits';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { call } from '../ui/http';
import { PhoneTopBar } from '../ui/PhoneTopBar';
import { useLoad } from '../ui/useLoad';
import { useOfficeStatus } from './useOfficeStatus';
import { chartGrid, weekdayName } from './chart';
import styles from './waits.module.css';

/** Services shown before "show all": the busiest first. */
const FIRST_SERVICES = 8;

export function WaitsApp({ initialLang, initial }: { initialLang: LanguageCode; initial: PublicWaits | null }) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  return (
    <IntlClient lang={lang}>
      <Waits lang={lang} onLanguage={setLang} initial={initial} />
    </IntlClient>
  );
}

function Waits({
  lang,
  onLanguage,
  initial,
}: {
  lang: LanguageCode;
  onLanguage: (l: LanguageCode) => void;
  initial: PublicWaits | null;
}) {
  const t = useTranslations('waits');
  const [data, setData] = useState<PublicWaits | null>(initial);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await call(api.publicWaits, {}, { timeoutMs: 15_000 }));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('pageTitle');
  }, [lang, t]);

  useEffect(() => {
    const every = (data?.refreshSeconds ?? 30) * 1000;
    const id = window.setInterval(() => void load(), every);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load, data?.refreshSeconds]);
  // Without figures from the server (it could not compute them), fetch them at once.
  useLoad(useCallback(async () => (initial ? undefined : load()), [initial, load]));

  return (
    <div className={styles.page}>
      <PhoneTopBar
        brand={t('brand')}
        href="/attese"
        lang={lang}
        languageLabel={t('language')}
        testIdPrefix="waits-lang"
        onLanguage={(l) => {
          onLanguage(l);
          const url = new URL(window.location.href);
          url.searchParams.set('lang', l);
          window.history.replaceState(window.history.state, '', url);
        }}
      />
      <main className={styles.main}>
        <h1 className={styles.h1}>{t('heading')}</h1>
        <p className={styles.intro}>{t('intro')}</p>
        {failed && (
          <p className={styles.error} role="alert">
            {t('offline')}
          </p>
        )}
        {data && (
          <p className={styles.updated} aria-live="polite" data-testid="waits-updated">
            {t('updated', {
              time: new Date(data.generatedAt).toLocaleTimeString(localeOf(lang), { hour: 'numeric', minute: '2-digit' }),
            })}
          </p>
        )}
        {data?.offices.map((o) => (
          <OfficeCard key={o.id} office={o} lang={lang} />
        ))}
        {data && data.offices.length === 0 && <p>{t('noOffices')}</p>}
        <nav className={styles.links} aria-label={t('linksLabel')}>
          <a href={`/book?lang=${lang}`}>{t('bookLink')}</a>
          <a href="/api/public/waits">{t('apiLink')}</a>
        </nav>
      </main>
      <footer className={styles.footer}>
        {data ? (
          <>
            {t('licence')}{' '}
            <a href={data.licence.url} rel="license">
              {data.licence.name}
            </a>
          </>
        ) : null}
      </footer>
    </div>
  );
}

function OfficeCard({ office, lang }: { office: PublicOfficeWaits; lang: LanguageCode }) {
  const t = useTranslations('waits');
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const headingId = `office-${office.id}`;
  const status = useOfficeStatus(office, lang);
  const sorted = useMemo(
    () =>
      [...office.services].sort(
        (a, b) => b.waiting - a.waiting || textIn(a.name, lang).localeCompare(textIn(b.name, lang), localeOf(lang)),
      ),
    [office.services, lang],
  );
  const q = query.trim().toLowerCase();
  // Every language's name matches: somebody may know the service by its Italian name.
  const matching = q ? sorted.filter((s) => `${s.prefix} ${Object.values(s.name).join(' ')}`.toLowerCase().includes(q)) : sorted;
  const shown = all || q ? matching : matching.slice(0, FIRST_SERVICES);
  return (
    <section className={styles.office} aria-labelledby={headingId} data-testid="waits-office">
      <h2 id={headingId}>{textIn(office.name, lang)}</h2>
      {office.address && <p className={styles.address}>{office.address}</p>}
      <p
        className={`${styles.status} ${office.walkIn.open ? styles.open : styles.closed}`}
        data-testid="waits-status"
        data-open={office.walkIn.open}
      >
        {status}
      </p>
      <h3>{t('servicesHeading')}</h3>
      <label>
        <span className="visually-hidden">{t('search')}</span>
        <input
          className={styles.search}
          type="search"
          value={query}
          placeholder={t('search')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <ul className={styles.services} data-testid="waits-services">
        {shown.map((s) => (
          <ServiceRow key={s.serviceId} q={s} lang={lang} open={office.walkIn.open} />
        ))}
      </ul>
      {!q && matching.length > FIRST_SERVICES && (
        <button type="button" className={styles.more} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showFewer') : t('showAll', { count: matching.length })}
        </button>
      )}
      {q && matching.length === 0 && <p>{t('noMatch')}</p>}
      <BestTime office={office} lang={lang} />
    </section>
  );
}

function ServiceRow({ q, lang, open }: { q: QueueInfo; lang: LanguageCode; open: boolean }) {
  const t = useTranslations('waits');
  let wait: string;
  if (!open && q.waiting === 0) wait = '–';
  else if (q.waiting === 0 && q.openCounters > 0) wait = t('noWait');
  else if (q.openCounters === 0) wait = t('noCounter');
  else if (q.estimatedWaitMinMinutes < q.estimatedWaitMaxMinutes)
    wait = t('waitRange', { count: q.estimatedWaitMinutes, low: q.estimatedWaitMinMinutes, high: q.estimatedWaitMaxMinutes });
  else wait = t('waitAbout', { count: q.estimatedWaitMinutes });
  return (
    <li className={styles.service} data-testid="waits-service">
      <span className={styles.serviceName}>
        <span className={styles.prefix}>{q.prefix}</span>
        {textIn(q.name, lang)}
      </span>
      <span className={styles.figures}>
        <span className={styles.wait}>{wait}</span>
        <span className={styles.waiting}>{t('waiting', { count: q.waiting })}</span>
      </span>
    </li>
  );
}

function BestTime({ office, lang }: { office: PublicOfficeWaits; lang: LanguageCode }) {
  const t = useTranslations('waits');
  const grid = useMemo(() => chartGrid(office.bestTime.cells), [office.bestTime.cells]);
  const hourLabel = (h: number) => `${h}:00`;
  if (grid.weekdays.length === 0) {
    return (
      <>
        <h3>{t('bestTimeHeading')}</h3>
        <p>{t('bestTimeNone')}</p>
      </>
    );
  }
  return (
    <>
      <h3>{t('bestTimeHeading')}</h3>
      {grid.best.length > 0 && (
        <p className={styles.best} data-testid="waits-best">
          {t('bestTimes', {
            list: grid.best.map((c) => `${weekdayName(lang, c.weekday, 'long')} ${hourLabel(c.hour)}`).join(', '),
          })}
        </p>
      )}
      {/* Wider than a phone: a named region the keyboard can scroll. */}
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-labelledby={`${office.id}-best-caption`}>
        <table className={styles.chart} data-testid="waits-chart">
          <caption id={`${office.id}-best-caption`}>{t('bestTimeCaption', { weeks: office.bestTime.weeks })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('hour')}</span>
              </th>
              {grid.weekdays.map((d) => (
                <th key={d} scope="col" abbr={weekdayName(lang, d, 'long')}>
                  {weekdayName(lang, d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.hours.map((h) => (
              <tr key={h}>
                <th scope="row">{hourLabel(h)}</th>
                {grid.weekdays.map((d) => {
                  const cell = grid.cell(d, h);
                  const shade = grid.shade(cell);
                  return shade === null ? (
                    <td key={d} className={styles.empty}>
                      <span aria-hidden="true">·</span>
                      <span className="visually-hidden">{t('noData')}</span>
                    </td>
                  ) : (
                    <td key={d} className={styles[`shade${shade}`]}>
                      {t('minutesShort', { count: Math.round(cell!.medianWaitMinutes!) })}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className={styles.legend} aria-label={t('legend')}>
        {['≤ 5', '≤ 10', '≤ 20', '≤ 30', '> 30'].map((label, i) => (
          <li key={label}>
            <span className={`${styles.swatch} ${styles[`shade${i}`]}`} aria-hidden="true" />
            {t('minutesLabel', { label })}
          </li>
        ))}
      </ul>
    </>
  );
}
