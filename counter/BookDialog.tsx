'use client';
/**
 * The clerk books a follow-up appointment with an office for the citizen in front of them:
 * service (filtered list) → office when several → day and time (the booking calendar) → name and
 * phone → confirm, then the booking code and QR code to show or read out.
 */
import { textIn } from '../contract/lang';
import { api } from '../contract/api';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { AppointmentView, BookableService as BookService } from '../contract/appointments';
import { searchServices } from '../ui/booking/search';
import { SlotPicker, type PickedSlot } from '../ui/booking/SlotPicker';
import { call } from '../ui/http';
import { errorNotice } from './errors';
import styles from './counter.module.css';
import local from './appointments.module.css';
import { Dialog } from '../ui/staff/Dialog';

type Step = 'service' | 'when' | 'who' | 'done';

export function BookDialog({
  lang,
  onClose,
  onBooked,
}: {
  lang: LanguageCode;
  onClose: () => void;
  onBooked: (a: AppointmentView) => void;
}) {
  const t = useTranslations('counter');
  const tb = useTranslations('book');
  const [services, setServices] = useState<BookService[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [filter, setFilter] = useState('');
  const [step, setStep] = useState<Step>('service');
  const [service, setService] = useState<BookService | null>(null);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [who, setWho] = useState({ name: '', phone: '', email: '', consent: false });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<AppointmentView | null>(null);

  useEffect(() => {
    call(api.bookableServices)
      .then(setServices)
      .catch(() => setFailed(true));
  }, []);

  const list = useMemo(() => (services ? searchServices(services, filter) : []), [services, filter]);
  const office = service?.offices.find((o) => o.id === officeId) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !service || !office || !slot) return;
    if (!who.name.trim()) return setError(t('book.needName'));
    if (!who.consent) return setError(t('book.needConsent'));
    setBusy(true);
    setError(null);
    try {
      const r = await call(api.book, {
        body: {
          serviceId: service.id,
          officeId: office.id,
          startsAt: slot.startsAt,
          name: who.name.trim(),
          phone: who.phone.trim() || undefined,
          email: who.email.trim() || undefined,
          privacyConsent: true,
          lang,
          channel: 'counter',
        },
      });
      // A clerk's booking is booked at once (only online bookings wait for the e-mail).
      if ('code' in r) {
        setBooked(r);
        setStep('done');
        onBooked(r);
      }
    } catch (err) {
      const n = errorNotice(err);
      const code = (err as { code?: string }).code;
      setError(code === 'slot_full' || code === 'slot_unavailable' ? tb(`errors.${code}`) : t(n.key, n.values));
      if (code === 'slot_full' || code === 'slot_unavailable') {
        setSlot(null);
        setStep('when');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('book.title')} onClose={onClose} testId="counter-book-dialog" wide>
      <div className={styles.dialogForm}>
        {step === 'service' ? (
          <>
            <p className={styles.muted}>{t('book.intro')}</p>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('book.filter')}</span>
              <input
                className={styles.input}
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                data-testid="counter-book-filter"
                autoFocus
              />
            </label>
            {failed ? <p className={styles.inlineError}>{t('book.loadFailed')}</p> : null}
            {!services && !failed ? <p>{t('loading')}</p> : null}
            <fieldset className={styles.fieldsetPlain}>
              <legend className="visually-hidden">{t('book.service')}</legend>
              <ul className={`${styles.optionList} ${local.slotArea}`}>
                {list.map((s) => (
                  <li key={s.id}>
                    <label className={`${styles.option} ${service?.id === s.id ? styles.optionSelected : ''}`}>
                      <input
                        type="radio"
                        name="counter-book-service"
                        checked={service?.id === s.id}
                        onChange={() => {
                          setService(s);
                          setOfficeId(s.offices[0]?.id ?? null);
                          setSlot(null);
                        }}
                        data-testid={`counter-book-service-${s.code}`}
                      />
                      <span className={styles.optionText}>
                        <span>{textIn(s.name, lang)}</span>
                        <span className={styles.optionDetail}>{s.offices.map((o) => textIn(o.name, lang)).join(' · ')}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            {service && service.offices.length > 1 ? (
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('book.office')}</span>
                <select className={styles.select} value={officeId ?? ''} onChange={(e) => setOfficeId(e.target.value)}>
                  {service.offices.map((o) => (
                    <option key={o.id} value={o.id}>
                      {textIn(o.name, lang)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </>
        ) : null}

        {step === 'when' && service && office ? (
          <>
            <p className={styles.muted}>
              {textIn(service.name, lang)} · {textIn(office.name, lang)}
            </p>
            <div className={local.slotArea}>
              <SlotPicker
                serviceId={service.id}
                officeId={office.id}
                lang={lang}
                selected={slot}
                onPick={setSlot}
                idPrefix="counter-book"
              />
            </div>
          </>
        ) : null}

        {step === 'who' && service && office && slot ? (
          <form id="counter-book-form" onSubmit={submit} className={styles.dialogForm} noValidate>
            <p className={styles.muted}>
              {textIn(service.name, lang)} · {textIn(office.name, lang)} · {slot.day} {slot.time}
            </p>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{t('book.name')}</span>
              <input
                className={styles.input}
                value={who.name}
                maxLength={100}
                onChange={(e) => setWho({ ...who, name: e.target.value })}
                data-testid="counter-book-name"
                autoFocus
              />
            </label>
            <div className={local.row}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('book.phone')}</span>
                <input
                  className={styles.input}
                  type="tel"
                  value={who.phone}
                  maxLength={24}
                  onChange={(e) => setWho({ ...who, phone: e.target.value })}
                  data-testid="counter-book-phone"
                />
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{t('book.email')}</span>
                <input
                  className={styles.input}
                  type="email"
                  value={who.email}
                  maxLength={200}
                  onChange={(e) => setWho({ ...who, email: e.target.value })}
                  data-testid="counter-book-email"
                />
              </label>
            </div>
            <label className={local.consent}>
              <input
                type="checkbox"
                checked={who.consent}
                onChange={(e) => setWho({ ...who, consent: e.target.checked })}
                data-testid="counter-book-consent"
              />
              <span>{t('book.consent')}</span>
            </label>
          </form>
        ) : null}

        {step === 'done' && booked ? (
          <div className={local.booked_result} role="status" data-testid="counter-book-done">
            <div>
              <p>{t('book.done', { date: booked.day, time: booked.time })}</p>
              <p className={local.code} data-testid="counter-book-code">
                {booked.code}
              </p>
              <p className={styles.muted}>{booked.email ? t('book.mailed') : t('book.tellCode')}</p>
            </div>
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG the API renders: nothing for next/image to optimise */}
            <img src={booked.qrUrl} alt={tb('card.qrAlt', { code: booked.code })} className={local.qr} width={160} height={160} />
          </div>
        ) : null}

        {error ? (
          <p className={styles.inlineError} role="alert">
            {error}
          </p>
        ) : null}

        <div className={styles.dialogButtons}>
          {step === 'done' ? (
            <button type="button" className={styles.buttonPrimary} onClick={onClose} data-testid="counter-book-close">
              {t('book.close')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className={styles.buttonSecondary}
                onClick={step === 'service' ? onClose : () => setStep(step === 'who' ? 'when' : 'service')}
              >
                {step === 'service' ? t('cancel') : t('book.back')}
              </button>
              {step === 'who' ? (
                <button
                  type="submit"
                  form="counter-book-form"
                  className={styles.buttonPrimary}
                  disabled={busy}
                  data-testid="counter-book-confirm"
                >
                  {t('book.confirm')}
                </button>
              ) : (
                <button
                  type="button"
                  className={styles.buttonPrimary}
                  disabled={step === 'service' ? !service || !office : !slot}
                  onClick={() => {
                    setError(null);
                    setStep(step === 'service' ? 'when' : 'who');
                  }}
                  data-testid="counter-book-next"
                >
                  {t('book.next')}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
