'use client';
/** A service served by appointment only: where to go, and booking at the kiosk. */
import { textIn } from '../../contract/languages';
import type { Office } from '../../contract/offices';
import type { Service } from '../../contract/catalog';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import { KioskBooking } from '../KioskBooking';
import kiosk from '../kiosk.module.css';
import styles from './appointment.module.css';
import type { HeadingRef } from './heading';
import { BackButton } from './BackButton';
import { BackIcon, CalendarIcon } from '../icons';

export function AppointmentScreen({
  lang,
  headingRef,
  service,
  office,
  onBack,
  onStartOver,
  kioskId,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  service: Service;
  office: Office | undefined;
  onBack: () => void;
  onStartOver: () => void;
  /** This kiosk's registration, passed on with a booking made here. */
  kioskId?: string;
}) {
  const t = useTranslations('kiosk');
  const officeName = textIn(service.office.names, lang);
  return (
    <div className={kiosk.screen} data-testid="kiosk-appointment">
      <div className={kiosk.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={kiosk.title}>
          {textIn(service.names, lang)}
        </h1>
      </div>
      {/* Focusable: with large text it scrolls, and it may hold no button while the times load. */}
      <div className={styles.panel} tabIndex={0}>
        <span className={styles.panelIcon}>
          <CalendarIcon />
        </span>
        <p className={styles.panelEyebrow}>{t('appointmentTitle')}</p>
        <p className={styles.panelText} data-summary="">
          {t('appointmentText', { office: officeName })}
        </p>
        {office?.address ? (
          <p className={styles.panelAddress} data-summary="">
            {office.address}
          </p>
        ) : null}
        <p className={styles.panelNote} data-summary="">
          {t('appointmentNoTicket')}
        </p>
        {/* Booking on the spot (issue #3): the next free times at the service's office. */}
        <div className={styles.bookingSlot} data-slot="booking">
          <KioskBooking service={service} lang={lang} kioskId={kioskId} />
        </div>
      </div>
      <div className={kiosk.actions}>
        <button type="button" className={kiosk.primaryButton} onClick={onBack}>
          <BackIcon />
          <span>{t('back')}</span>
        </button>
        <button type="button" className={kiosk.secondaryButton} onClick={onStartOver}>
          {t('startOver')}
        </button>
      </div>
    </div>
  );
}
