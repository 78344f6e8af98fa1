'use client';
/**
 * Booking on the spot at the kiosk, for a service handled by appointment: the next free times at
 * its office, a name typed on the on-screen keyboard, the privacy consent, and the confirmation
 * with the booking code and the QR code on screen (to photograph, or to scan at check-in).
 */
import { localeOf, textIn } from '../contract/languages';
import { useEffect, useState } from 'react';
import { useTranslations } from '../ui/intl';
import type { LanguageCode } from '../i18n/languages';
import type { AppointmentView as Booked } from '../contract/appointments';
import type { Service } from '../contract/catalog';
import { ApiError } from '../ui/http';
import { bookAtKiosk, nextFreeSlots, type FreeSlot } from './api';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { CheckIcon } from './icons';
import styles from './kiosk.module.css';
import local from './checkin.module.css';

type State =
  | { step: 'loading' }
  | { step: 'none' }
  | { step: 'error' }
  | { step: 'slots'; slots: FreeSlot[] }
  | { step: 'name'; slots: FreeSlot[]; slot: FreeSlot }
  | { step: 'done'; booked: Booked };

export function KioskBooking({ service, lang, kioskId }: { service: Service; lang: LanguageCode; kioskId?: string }) {
  const t = useTranslations('kiosk');
  const [state, setState] = useState<State>({ step: 'loading' });
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const load = () => {
    setState({ step: 'loading' });
    nextFreeSlots(service.id, service.officeId)
      .then(({ slots }) => setState(slots.length ? { step: 'slots', slots } : { step: 'none' }))
      .catch(() => setState({ step: 'error' }));
  };
  // Shows "loading" again at once when the service changes (a synchronous setState by design).
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(load, [service.id, service.officeId]);

  const dateOf = (day: string) =>
    new Intl.DateTimeFormat(localeOf(lang), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${day}T12:00:00Z`));

  async function confirm(slot: FreeSlot, slots: FreeSlot[]) {
    if (busy) return;
    if (!name.trim() || !consent) {
      setFailure(!name.trim() ? t('book.needName') : t('book.needConsent'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const booked = await bookAtKiosk({
        serviceId: service.id,
        officeId: service.officeId,
        startsAt: slot.startsAt,
        name: name.trim(),
        lang,
        kioskId,
      });
      setState({ step: 'done', booked });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'slot_full' || e.code === 'slot_unavailable')) {
        setFailure(t('book.slotGone'));
        setState({ step: 'slots', slots: slots.filter((s) => s.startsAt !== slot.startsAt) });
      } else setFailure(t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  }

  if (state.step === 'loading') return <p className={styles.hint}>{t('book.loading')}</p>;
  if (state.step === 'error') {
    return (
      <div className={local.bookingBox}>
        <p className={styles.hint}>{t('book.loadError')}</p>
        <button type="button" className={styles.secondaryButton} onClick={load}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (state.step === 'none') return <p className={styles.hint}>{t('book.noSlots')}</p>;

  if (state.step === 'done') {
    const b = state.booked;
    return (
      <div className={local.booked} data-testid="kiosk-booked" role="status">
        <div>
          <p className={local.bookedTitle}>
            <CheckIcon /> {t('book.doneTitle')}
          </p>
          <p className={local.bookedWhen}>{t('book.when', { date: dateOf(b.day), time: b.time })}</p>
          <p className={styles.hint}>{textIn(b.office.name, lang)}</p>
          <p className={local.bookedCodeLabel}>{t('book.code')}</p>
          <p className={local.bookedCode} data-testid="kiosk-booked-code" dir="ltr">
            {b.code}
          </p>
          <p className={styles.hint}>{t('book.doneHint')}</p>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG the API renders: nothing for next/image to optimise */}
        <img src={b.qrUrl} alt={t('book.qrAlt', { code: b.code })} width={260} height={260} className={local.bookedQr} />
      </div>
    );
  }

  if (state.step === 'slots') {
    return (
      <div className={local.bookingBox} data-testid="kiosk-booking">
        <p className={local.bookingTitle}>{t('book.title')}</p>
        {failure ? (
          <p className={local.problemText} role="alert">
            {failure}
          </p>
        ) : null}
        <ul className={local.slotGrid}>
          {state.slots.map((s) => (
            <li key={s.startsAt}>
              <button
                type="button"
                className={local.slotTile}
                onClick={() => {
                  setFailure(null);
                  setState({ step: 'name', slots: state.slots, slot: s });
                }}
                data-testid={`kiosk-booking-slot-${s.day}-${s.time.replace(':', '')}`}
              >
                <span className={local.slotDay}>{dateOf(s.day)}</span>
                <span className={local.slotTime}>{s.time}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const { slot, slots } = state;
  return (
    <div className={local.bookingBox} data-testid="kiosk-booking-name">
      <p className={local.bookingTitle}>{t('book.when', { date: dateOf(slot.day), time: slot.time })}</p>
      <label htmlFor="kiosk-booking-name" className={local.codeLabel}>
        {t('book.name')}
      </label>
      <input
        id="kiosk-booking-name"
        className={local.codeInput}
        value={name}
        onChange={(e) => setName(e.target.value)}
        inputMode="none"
        autoComplete="off"
        maxLength={100}
        data-testid="kiosk-booking-name-input"
      />
      <OnScreenKeyboard value={name} onChange={setName} />
      <button
        type="button"
        className={local.consent}
        aria-pressed={consent}
        onClick={() => setConsent((c) => !c)}
        data-testid="kiosk-booking-consent"
      >
        <span className={local.consentBox} aria-hidden="true">
          {consent ? <CheckIcon /> : null}
        </span>
        <span>{t('book.consent')}</span>
      </button>
      {failure ? (
        <p className={local.problemText} role="alert">
          {failure}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="button" className={styles.secondaryButton} onClick={() => setState({ step: 'slots', slots })}>
          {t('book.otherTime')}
        </button>
        <button
          type="button"
          className={styles.primaryButton}
          disabled={busy}
          onClick={() => void confirm(slot, slots)}
          data-testid="kiosk-booking-confirm"
        >
          <CheckIcon />
          <span>{t('book.confirm')}</span>
        </button>
      </div>
    </div>
  );
}
