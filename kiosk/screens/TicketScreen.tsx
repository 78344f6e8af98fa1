'use client';
/** The ticket: number, people ahead, estimated wait, QR code for the phone page. */
import { textIn } from '../../contract/languages';
import type { IssuedTicket } from '../../contract/tickets';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import styles from './ticket.module.css';
import type { HeadingRef } from './heading';
import { AlertIcon, CheckIcon, ClockIcon, PeopleIcon, PhoneIcon, PrinterIcon } from '../icons';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "about 12 minutes (8–17)": the estimate and the range that held the real wait in most past cases. */
export function waitPhrase(
  t: Translate,
  minutes: number | null | undefined,
  range?: { low: number; high: number },
): string | null {
  if (minutes === null || minutes === undefined) return null;
  if (minutes <= 0) return t('waitNext');
  const count = Math.round(minutes);
  return range && range.low < range.high
    ? t('waitAboutRange', { count, low: Math.round(range.low), high: Math.round(range.high) })
    : t('waitAbout', { count });
}

export const rangeOf = (tk: IssuedTicket) => ({ low: tk.estimatedWaitMinMinutes, high: tk.estimatedWaitMaxMinutes });

export function TicketScreen({
  lang,
  headingRef,
  ticket,
  online = false,
  onDone,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  ticket: IssuedTicket;
  /** The service can also be requested from home: say so for next time. */
  online?: boolean;
  onDone: () => void;
}) {
  const t = useTranslations('kiosk');
  const wait = waitPhrase(t, ticket.estimatedWaitMinutes, rangeOf(ticket));
  const position = ticket.position;
  // No paper is coming: the QR code on screen is the citizen's ticket, so it gets bigger.
  const noPaper = ticket.print?.status === 'unavailable';
  return (
    <div
      className={noPaper ? `${styles.ticket} ${styles.ticketNoPaper}` : styles.ticket}
      data-testid="kiosk-ticket"
      data-print={ticket.print?.status ?? 'none'}
    >
      <div className={styles.ticketMain}>
        <h1 ref={headingRef} tabIndex={-1} className={styles.ticketTitle}>
          {t('ticketTitle')}
        </h1>
        <p className={styles.ticketNumber} data-summary="">
          <span className="visually-hidden">{t('ticketNumberLabel')} </span>
          <span data-testid="kiosk-ticket-number" dir="ltr">
            {ticket.number}
          </span>
        </p>
        <p className={styles.ticketService}>{textIn(ticket.service.name, lang)}</p>
        <dl className={styles.stats} data-summary="">
          {typeof position === 'number' ? (
            <div className={styles.stat}>
              <dt>
                <PeopleIcon />
                {t('aheadLabel')}
              </dt>
              <dd data-testid="kiosk-ticket-position">{position <= 0 ? t('aheadNone') : position}</dd>
            </div>
          ) : null}
          {wait ? (
            <div className={styles.stat}>
              <dt>
                <ClockIcon />
                {t('waitLabel')}
              </dt>
              <dd data-testid="kiosk-ticket-wait">{wait}</dd>
            </div>
          ) : null}
        </dl>
        <p className={styles.whatNext} data-summary="">
          {t('ticketWhatNext')}
        </p>
        {online ? (
          <p className={styles.onlineNote} data-testid="kiosk-ticket-online" data-summary="">
            {t('ticketOnline')}
          </p>
        ) : null}
        {ticket.print ? (
          <p
            className={noPaper ? `${styles.printNotice} ${styles.printNoticeAlert}` : styles.printNotice}
            role={noPaper ? 'alert' : undefined}
            data-testid="kiosk-print-notice"
            data-summary=""
          >
            {noPaper ? <AlertIcon /> : <PrinterIcon />}
            <span>{t(noPaper ? 'printUnavailable' : 'printQueued')}</span>
          </p>
        ) : null}
      </div>
      <TicketQrAndDone code={ticket.code} onDone={onDone} />
    </div>
  );
}

export function TicketQrAndDone({ code, onDone }: { code: string; onDone: () => void }) {
  const t = useTranslations('kiosk');
  return (
    <>
      <figure className={styles.qr}>
        {/* eslint-disable-next-line @next/next/no-img-element -- a plain <img>: the API renders the SVG, there is nothing for next/image to optimise */}
        <img
          src={`/api/tickets/${encodeURIComponent(code)}/qr.svg`}
          alt={t('qrAlt')}
          width={300}
          height={300}
          className={styles.qrImage}
          data-testid="kiosk-ticket-qr"
        />
        <figcaption className={styles.qrCaption}>
          <span className={styles.qrLabel}>
            <PhoneIcon />
            {t('qrLabel')}
          </span>
          <span className={styles.qrHint}>{t('qrHint')}</span>
        </figcaption>
      </figure>
      <button type="button" className={styles.doneButton} data-testid="kiosk-done" data-kiosk-back="" onClick={onDone}>
        <CheckIcon />
        <span>{t('done')}</span>
      </button>
    </>
  );
}
