'use client';
/**
 * `/`: the town's citizen home, phone first. What a citizen comes for (online services, an
 * appointment, the live waits), a box to follow a ticket or a request by its code, and the
 * offices with their hours. Staff screens are linked discreetly at the bottom.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { HomeOffice } from '../contract/home';
import { localeOf, textIn } from '../contract/lang';
import { IntlClient } from '../i18n/IntlClient';
import type { LanguageCode } from '../i18n/languages';
import { PhoneTopBar } from '../ui/PhoneTopBar';
import { useOfficeStatus } from '../waits/useOfficeStatus';
import { groupHours } from './hours';
import styles from './home.module.css';

export function HomeApp({
  initialLang,
  offices,
  followNotFound,
}: {
  initialLang: LanguageCode;
  offices: HomeOffice[];
  followNotFound: boolean;
}) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  return (
    <IntlClient lang={lang}>
      <Home lang={lang} onLanguage={setLang} offices={offices} followNotFound={followNotFound} />
    </IntlClient>
  );
}

const withLang = (href: string, lang: LanguageCode) => `${href}?lang=${lang}`;

function Home({
  lang,
  onLanguage,
  offices,
  followNotFound,
}: {
  lang: LanguageCode;
  onLanguage: (l: LanguageCode) => void;
  offices: HomeOffice[];
  followNotFound: boolean;
}) {
  const t = useTranslations('home');
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('pageTitle');
  }, [lang, t]);
  return (
    <div className={styles.page} data-testid="home">
      <PhoneTopBar
        brand={t('brand')}
        lang={lang}
        languageLabel={t('language')}
        testIdPrefix="home-lang"
        onLanguage={(l) => {
          onLanguage(l);
          const url = new URL(window.location.href);
          url.searchParams.set('lang', l);
          url.searchParams.delete('follow');
          window.history.replaceState(window.history.state, '', url);
        }}
      />
      <main className={styles.main}>
        <h1 className={styles.h1}>{t('title')}</h1>
        <p className={styles.lead}>{t('intro')}</p>
        <nav aria-label={t('actionsLabel')}>
          <ul className={styles.actions}>
            <Action
              href={withLang('/portale', lang)}
              icon={<DocIcon />}
              title={t('portal')}
              text={t('portalText')}
              testId="home-portal"
            />
            <Action
              href={withLang('/book', lang)}
              icon={<CalendarIcon />}
              title={t('book')}
              text={t('bookText')}
              testId="home-book"
            />
            <Action
              href={withLang('/attese', lang)}
              icon={<ClockIcon />}
              title={t('waits')}
              text={t('waitsText')}
              testId="home-waits"
            />
          </ul>
        </nav>
        <FollowBox lang={lang} notFound={followNotFound} />
        <section className={styles.section} aria-labelledby="offices-heading">
          <h2 id="offices-heading" className={styles.h2}>
            {t('officesHeading')}
          </h2>
          {offices.map((o) => (
            <OfficeCard key={o.id} office={o} lang={lang} />
          ))}
        </section>
      </main>
      <footer className={styles.footer}>
        <span>{t('staffLabel')}</span>
        <nav aria-label={t('staffLabel')} className={styles.staffLinks}>
          <a href="/counter">{t('counter')}</a>
          <a href="/counter/pratiche">{t('backoffice')}</a>
          <a href="/kiosk">{t('kiosk')}</a>
          <a href="/display">{t('display')}</a>
          <a href="/admin">{t('admin')}</a>
          <a href="/api/openapi.json">{t('api')}</a>
        </nav>
      </footer>
    </div>
  );
}

function Action({
  href,
  icon,
  title,
  text,
  testId,
}: {
  href: string;
  icon: ReactNode;
  title: string;
  text: string;
  testId: string;
}) {
  return (
    <li>
      <a href={href} className={styles.action} data-testid={testId}>
        <span className={styles.actionIcon} aria-hidden="true">
          {icon}
        </span>
        <span className={styles.actionText}>
          <span className={styles.actionTitle}>{title}</span>
          <span className={styles.actionDesc}>{text}</span>
        </span>
      </a>
    </li>
  );
}

function FollowBox({ lang, notFound }: { lang: LanguageCode; notFound: boolean }) {
  const t = useTranslations('home');
  return (
    <section id="follow" className={styles.section} aria-labelledby="follow-heading">
      <h2 id="follow-heading" className={styles.h2}>
        {t('followHeading')}
      </h2>
      <p className={styles.muted}>{t('followText')}</p>
      <form method="get" action="/segui" className={styles.follow}>
        <input type="hidden" name="lang" value={lang} />
        <label htmlFor="follow-code" className={styles.label}>
          {t('followCode')}
        </label>
        <div className={styles.followRow}>
          <input
            id="follow-code"
            name="code"
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={200}
            className={styles.input}
            aria-invalid={notFound || undefined}
            aria-describedby={notFound ? 'follow-error' : undefined}
            data-testid="home-follow-code"
          />
          <button type="submit" className={styles.button} data-testid="home-follow">
            {t('follow')}
          </button>
        </div>
        {notFound && (
          <p id="follow-error" role="alert" className={styles.error} data-testid="home-follow-error">
            {t('followNotFound')}
          </p>
        )}
      </form>
    </section>
  );
}

function OfficeCard({ office, lang }: { office: HomeOffice; lang: LanguageCode }) {
  const t = useTranslations('home');
  const status = useOfficeStatus(office, lang);
  const headingId = `home-office-${office.id}`;
  return (
    <article className={styles.office} aria-labelledby={headingId} data-testid="home-office">
      <h3 id={headingId} className={styles.h3}>
        {textIn(office.name, lang)}
      </h3>
      {office.address && <p className={styles.muted}>{office.address}</p>}
      {/* No walk-in hours means the kiosk has no fixed hours: "open now" would say nothing. */}
      {office.hours.length > 0 && (
        <p className={office.walkIn.open ? styles.open : styles.closed} data-testid="home-office-status">
          {status}
        </p>
      )}
      <HoursTable caption={t('walkInHours')} hours={office.hours} lang={lang} testId="home-walkin-hours" />
      <HoursTable caption={t('appointmentHours')} hours={office.appointmentHours} lang={lang} testId="home-appointment-hours" />
      {office.hours.length + office.appointmentHours.length === 0 && <p className={styles.muted}>{t('noHours')}</p>}
    </article>
  );
}

function HoursTable({
  caption,
  hours,
  lang,
  testId,
}: {
  caption: string;
  hours: HomeOffice['hours'];
  lang: LanguageCode;
  testId: string;
}) {
  if (hours.length === 0) return null;
  const weekday = (n: number) =>
    // 2024-01-01 was a Monday: ISO weekday n is January n.
    new Date(Date.UTC(2024, 0, n)).toLocaleDateString(localeOf(lang), { weekday: 'long', timeZone: 'UTC' });
  const time = (hhmm: string) => {
    const [h, m] = hhmm.split(':');
    return `${Number(h)}:${m}`;
  };
  return (
    <table className={styles.hours} data-testid={testId}>
      <caption className={styles.caption}>{caption}</caption>
      <tbody>
        {groupHours(hours).map((d) => (
          <tr key={d.weekday}>
            <th scope="row">{weekday(d.weekday)}</th>
            <td>{d.ranges.map((r) => `${time(r.opens)}–${time(r.closes)}`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const svg = { width: 32, height: 32, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2 } as const;
function DocIcon() {
  return (
    <svg {...svg}>
      <path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8z" />
      <path d="M14 3v5h5M8 13h8M8 17h6" />
    </svg>
  );
}
function CalendarIcon() {
  return (
    <svg {...svg}>
      <rect x="3" y="5" width="18" height="16" rx="1" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
function ClockIcon() {
  return (
    <svg {...svg}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}
