'use client';
import { localeOf, textIn } from '../contract/languages';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { AppointmentView } from '../contract/appointments';
import styles from './book.module.css';

/** The booked appointment: code, when, where, QR code (for the kiosk), calendar file, manage link. */
export function AppointmentCard({
  appointment: a,
  lang,
  showManage = true,
}: {
  appointment: AppointmentView;
  lang: LanguageCode;
  showManage?: boolean;
}) {
  const t = useTranslations('book');
  const date = new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: a.timeZone,
  }).format(new Date(a.startsAt));
  const cancelled = a.status === 'cancelled';
  return (
    <article
      className={cancelled ? `${styles.card} ${styles.cardCancelled}` : styles.card}
      aria-labelledby="book-card-title"
      data-testid="book-card"
    >
      <h3 id="book-card-title" className={styles.cardService}>
        {textIn(a.service.name, lang)}
      </h3>
      <p className={styles.cardWhen} data-testid="book-card-when">
        <span className={styles.cardDate}>{date}</span>
        <span className={styles.cardTime}>{t('card.at', { time: a.time })}</span>
      </p>
      <p className={styles.cardOffice}>
        {textIn(a.office.name, lang)}
        {a.office.address ? <span className={styles.summaryAddress}>{a.office.address}</span> : null}
      </p>
      <div className={styles.codeBox}>
        <span className={styles.codeLabel}>{t('card.code')}</span>
        <span className={styles.code} data-testid="book-code" dir="ltr">
          {a.code}
        </span>
      </div>
      {!cancelled ? (
        <figure className={styles.qr}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a plain <img>: the API renders the SVG, there is nothing for next/image to optimise */}
          <img
            src={a.qrUrl}
            alt={t('card.qrAlt', { code: a.code })}
            width={200}
            height={200}
            className={styles.qrImage}
            data-testid="book-qr"
          />
          <figcaption className={styles.hint}>{t('card.qrHint')}</figcaption>
        </figure>
      ) : null}
      <div className={styles.cardActions}>
        {!cancelled ? (
          <a
            className={styles.primary}
            href={a.icsUrl}
            download={`appointment-${a.code.replace('-', '')}.ics`}
            data-testid="book-ics"
          >
            {t('card.calendar')}
          </a>
        ) : null}
        {showManage ? (
          <a className={styles.secondary} href={`/book/manage/${a.token}`} data-testid="book-manage-link">
            {t('card.manage')}
          </a>
        ) : null}
      </div>
      {showManage && !cancelled ? <p className={styles.hint}>{t('card.manageHint')}</p> : null}
    </article>
  );
}
