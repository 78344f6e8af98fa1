'use client';
import { textIn } from '../../contract/languages';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import type { CheckInResult } from '../api';
import local from '../checkin.module.css';
import { CalendarIcon } from '../icons';
import styles from './ticket.module.css';
import type { HeadingRef } from './heading';
import { TicketQrAndDone } from './TicketScreen';

/** Checked in: the ticket number, when, where, and the QR code of the ticket's phone page. */
export function CheckedInScreen({
  lang,
  headingRef,
  result,
  kioskOfficeId,
  onDone,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  result: CheckInResult;
  kioskOfficeId?: string;
  onDone: () => void;
}) {
  const t = useTranslations('kiosk');
  const { ticket, appointment: a } = result;
  const elsewhere = kioskOfficeId && kioskOfficeId !== a.office.id;
  const noPaper = ticket.print?.status === 'unavailable';
  return (
    <div className={styles.ticket} data-testid="kiosk-checked-in" data-late={result.late ? 'true' : 'false'}>
      <div className={styles.ticketMain}>
        <h1 ref={headingRef} tabIndex={-1} className={styles.ticketTitle}>
          {result.late ? t('checkin.lateTitle') : t('checkin.doneTitle')}
        </h1>
        <p className={styles.ticketNumber} data-summary="">
          <span className="visually-hidden">{t('ticketNumberLabel')} </span>
          <span data-testid="kiosk-checked-in-number" dir="ltr">
            {ticket.number}
          </span>
        </p>
        <p className={styles.ticketService}>{textIn(a.service.name, lang)}</p>
        <p className={local.when} data-summary="">
          <CalendarIcon />
          <span>{result.late ? t('checkin.lateText', { time: a.time }) : t('checkin.doneText', { time: a.time })}</span>
        </p>
        <p className={styles.whatNext} data-summary="">
          {elsewhere
            ? t('checkin.goTo', { office: textIn(a.office.name, lang), address: a.office.address })
            : t('ticketWhatNext')}
        </p>
        {ticket.print ? (
          <p
            className={noPaper ? `${styles.printNotice} ${styles.printNoticeAlert}` : styles.printNotice}
            role={noPaper ? 'alert' : undefined}
          >
            <span>{t(noPaper ? 'printUnavailable' : 'printQueued')}</span>
          </p>
        ) : null}
      </div>
      <TicketQrAndDone code={ticket.code} onDone={onDone} />
    </div>
  );
}
