'use client';
/**
 * `/book`: online booking, mobile first. Service (grouped by category, with search) → office →
 * day and time → name and contact with the privacy consent → confirmation with the booking code,
 * QR code, calendar file and manage link. Each step has one h2 that takes the focus, so screen
 * readers announce where the citizen is; the browser's back button steps back too.
 */
import { localeOf, textIn } from '../contract/languages';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { IntlProvider, useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { Api } from '../contract/api';
import type {
  AppointmentOffice as BookOffice,
  BookableService as BookService,
  PendingBooking as PendingAnswer,
} from '../contract/appointments';
import { call, route } from '../ui/http';
import { errorKey } from '../ui/booking/errors';
import { searchServices } from '../ui/booking/search';

/** An online booking waiting for the e-mailed confirmation (its hold time and address are set). */
type PendingBooking = PendingAnswer & { holdUntil: string; email: string };
import { BookShell } from './BookShell';
import { SlotPicker, type PickedSlot } from '../ui/booking/SlotPicker';
import { describedBy, TextField } from './TextField';
import type { BookMessages } from './messages';
import styles from './book.module.css';

type Step = 'service' | 'office' | 'when' | 'details' | 'done';
const STEPS: Step[] = ['service', 'office', 'when', 'details', 'done'];

// The page's endpoints by route, not from contract/api.ts: the contract's schemas (zod, luxon)
// would weigh more than the booking page on a phone.
const api = {
  bookableServices: route<Api['bookableServices']>('GET', '/api/appointments/services'),
  book: route<Api['book']>('POST', '/api/appointments'),
};

export function BookingApp({
  initialLang,
  preselect,
  retentionDays,
  messages,
}: {
  initialLang: LanguageCode;
  preselect?: { service?: string; office?: string };
  retentionDays: number;
  /** The page's texts in every language (book/messages.ts). */
  messages: Record<LanguageCode, BookMessages>;
}) {
  const [lang, setLang] = useState<LanguageCode>(initialLang);
  return (
    <IntlProvider locale={lang} messages={messages[lang]} timeZone="Europe/Rome">
      <BookShell lang={lang} onLanguage={setLang}>
        <Booking lang={lang} preselect={preselect} retentionDays={retentionDays} />
      </BookShell>
    </IntlProvider>
  );
}

function Booking({
  lang,
  preselect,
  retentionDays,
}: {
  lang: LanguageCode;
  preselect?: { service?: string; office?: string };
  retentionDays: number;
}) {
  const t = useTranslations('book');
  const [services, setServices] = useState<BookService[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStepState] = useState<Step>('service');
  const [service, setService] = useState<BookService | null>(null);
  const [office, setOffice] = useState<BookOffice | null>(null);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [query, setQuery] = useState('');
  const [booked, setBooked] = useState<PendingBooking | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    call(api.bookableServices)
      .then((list) => {
        setServices(list);
        const s = preselect?.service ? list.find((x) => x.code === preselect.service || x.id === preselect.service) : undefined;
        if (s) {
          setService(s);
          const o = s.offices.find((x) => x.id === preselect?.office) ?? (s.offices.length === 1 ? s.offices[0] : null);
          setOffice(o);
          setStepState(o ? 'when' : 'office');
        }
      })
      .catch((e: unknown) => setLoadError(errorKey(e)));
  }, [preselect?.service, preselect?.office]);

  // Steps are history entries, so the phone's back button goes one step back.
  const setStep = useCallback((next: Step) => {
    setStepState(next);
    window.history.pushState({ bookStep: next }, '');
  }, []);
  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const s = (e.state as { bookStep?: Step } | null)?.bookStep;
      setStepState((current) => (current === 'done' ? current : (s ?? 'service')));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  const chooseService = (s: BookService) => {
    setService(s);
    setSlot(null);
    if (s.offices.length === 1) {
      setOffice(s.offices[0]);
      setStep('when');
    } else {
      setOffice(null);
      setStep('office');
    }
  };

  const results = useMemo(() => (services ? searchServices(services, query) : []), [services, query]);
  const groups = useMemo(() => {
    const m = new Map<string, { category: BookService['category']; items: BookService[] }>();
    for (const s of results) {
      const g = m.get(s.category.id) ?? { category: s.category, items: [] };
      g.items.push(s);
      m.set(s.category.id, g);
    }
    return [...m.values()].sort((a, b) => a.category.sortOrder - b.category.sortOrder);
  }, [results]);
  const stepIndex = STEPS.indexOf(step);

  return (
    <div className={styles.flow} data-step={step} data-testid="book">
      {step !== 'done' ? (
        <p className={styles.progress} data-testid="book-progress">
          {t('progress', { step: stepIndex + 1, total: STEPS.length - 1 })}
        </p>
      ) : null}

      {step === 'service' ? (
        <section aria-labelledby="book-step-title">
          <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
            {t('service.title')}
          </h2>
          <p className={styles.lead}>{t('service.lead')}</p>
          <label className={styles.field}>
            <span className={styles.label}>{t('service.search')}</span>
            <input
              className={styles.input}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('service.searchPlaceholder')}
              data-testid="book-search"
            />
          </label>
          <p className={styles.muted} role="status" aria-live="polite">
            {services && query.trim() ? t('service.results', { count: results.length }) : ''}
          </p>
          {loadError ? (
            <p className={styles.error} role="alert">
              {t(loadError)}
            </p>
          ) : !services ? (
            <p className={styles.muted}>{t('loading')}</p>
          ) : (
            groups.map((g) => (
              <section key={g.category.id} className={styles.group} aria-labelledby={`book-cat-${g.category.slug}`}>
                <h3 id={`book-cat-${g.category.slug}`} className={styles.groupTitle}>
                  <span aria-hidden="true">{g.category.icon}</span> {textIn(g.category.name, lang)}
                </h3>
                <ul className={styles.choiceList}>
                  {g.items.map((s) => (
                    <li key={s.id}>
                      <button
                        type="button"
                        className={styles.choice}
                        onClick={() => chooseService(s)}
                        data-testid={`book-service-${s.code}`}
                      >
                        <span className={styles.choiceName}>{textIn(s.name, lang)}</span>
                        <span className={styles.choiceMeta}>{s.offices.map((o) => textIn(o.name, lang)).join(' · ')}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </section>
      ) : null}

      {step === 'office' && service ? (
        <section aria-labelledby="book-step-title">
          <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
            {t('office.title')}
          </h2>
          <p className={styles.lead}>{textIn(service.name, lang)}</p>
          <ul className={styles.choiceList}>
            {service.offices.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  className={styles.choice}
                  onClick={() => {
                    setOffice(o);
                    setSlot(null);
                    setStep('when');
                  }}
                  data-testid={`book-office-${o.id}`}
                >
                  <span className={styles.choiceName}>{textIn(o.name, lang)}</span>
                  <span className={styles.choiceMeta}>{o.address}</span>
                </button>
              </li>
            ))}
          </ul>
          <BackLink onClick={() => setStep('service')} />
        </section>
      ) : null}

      {step === 'when' && service && office ? (
        <section aria-labelledby="book-step-title">
          <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
            {t('when.title')}
          </h2>
          <Summary service={textIn(service.name, lang)} office={textIn(office.name, lang)} address={office.address} />
          {service.online ? (
            <p className={styles.onlineBox} data-testid="book-online">
              {t('when.online')}{' '}
              <a href={`/portale?new=${encodeURIComponent(service.id)}&lang=${lang}`} data-testid="book-online-link">
                {t('when.onlineLink')}
              </a>
            </p>
          ) : null}
          <SlotPicker serviceId={service.id} officeId={office.id} lang={lang} selected={slot} onPick={(s) => setSlot(s)} />
          <div className={styles.stickyActions}>
            <button
              type="button"
              className={styles.primary}
              disabled={!slot}
              onClick={() => slot && setStep('details')}
              data-testid="book-continue"
            >
              {slot ? t('when.continueWith', { time: slot.time }) : t('when.continue')}
            </button>
          </div>
          <BackLink onClick={() => setStep(service.offices.length > 1 ? 'office' : 'service')} />
        </section>
      ) : null}

      {step === 'details' && service && office && slot ? (
        <DetailsStep
          headingRef={headingRef}
          lang={lang}
          service={service}
          office={office}
          slot={slot}
          retentionDays={retentionDays}
          onBack={() => setStep('when')}
          onSlotGone={() => {
            setSlot(null);
            setStep('when');
          }}
          onBooked={(a) => {
            setBooked(a);
            setStepState('done');
            window.history.replaceState({ bookStep: 'done' }, '');
          }}
        />
      ) : null}

      {step === 'done' && booked ? (
        <section aria-labelledby="book-step-title" data-testid="book-pending">
          <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
            {t('pending.title')}
          </h2>
          <p className={styles.lead}>{t('pending.text', { email: booked.email, minutes: minutesUntil(booked.holdUntil) })}</p>
          <div className={styles.summary} data-testid="book-pending-summary">
            <p className={styles.summaryService}>{textIn(booked.service.name, lang)}</p>
            <p className={styles.summaryWhen}>{t('details.when', { date: longDate(booked.day, lang), time: booked.time })}</p>
            <p className={styles.summaryOffice}>
              {textIn(booked.office.name, lang)}
              {booked.office.address ? <span className={styles.summaryAddress}>{booked.office.address}</span> : null}
            </p>
          </div>
          <p className={styles.hint}>{t('pending.noMail', { time: localClock(booked.holdUntil, booked.timeZone, lang) })}</p>
          <a href="/book" className={styles.secondary}>
            {t('done.another')}
          </a>
        </section>
      ) : null}
    </div>
  );
}

/** Whole minutes (at least 1) from now until an ISO instant. */
function minutesUntil(iso: string): number {
  return Math.max(1, Math.round((new Date(iso).getTime() - Date.now()) / 60_000));
}

function longDate(day: string, lang: LanguageCode): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

function localClock(iso: string, timeZone: string, lang: LanguageCode): string {
  return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

function Summary({ service, office, address }: { service: string; office: string; address: string }) {
  return (
    <div className={styles.summary}>
      <p className={styles.summaryService}>{service}</p>
      <p className={styles.summaryOffice}>
        {office}
        {address ? <span className={styles.summaryAddress}>{address}</span> : null}
      </p>
    </div>
  );
}

function BackLink({ onClick }: { onClick: () => void }) {
  const t = useTranslations('book');
  return (
    <button type="button" className={styles.back} onClick={onClick} data-testid="book-back">
      <span aria-hidden="true" className={styles.backArrow}>
        ←
      </span>{' '}
      {t('back')}
    </button>
  );
}

function DetailsStep({
  headingRef,
  lang,
  service,
  office,
  slot,
  retentionDays,
  onBack,
  onSlotGone,
  onBooked,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  lang: LanguageCode;
  service: BookService;
  office: BookOffice;
  slot: PickedSlot;
  retentionDays: number;
  onBack: () => void;
  onSlotGone: () => void;
  onBooked: (a: PendingBooking) => void;
}) {
  const t = useTranslations('book');
  const [form, setForm] = useState({ name: '', email: '', phone: '', consent: false });
  const [errors, setErrors] = useState<Partial<Record<'name' | 'contact' | 'email' | 'phone' | 'consent', string>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ key: string; gone: boolean } | null>(null);
  const dateLabel = new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${slot.day}T12:00:00Z`));

  function validate() {
    const e: typeof errors = {};
    if (!form.name.trim()) e.name = t('details.errorName');
    if (!form.email.trim()) e.contact = t('details.errorContact');
    if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) e.email = t('details.errorEmail');
    if (form.phone.trim() && !/^\+?[0-9][0-9 ()./-]{4,22}$/.test(form.phone.trim())) e.phone = t('details.errorPhone');
    if (!form.consent) e.consent = t('details.errorConsent');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (busy) return;
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) {
      const firstId = e.name ? 'book-name' : e.contact || e.email ? 'book-email' : e.phone ? 'book-phone' : 'book-consent';
      document.getElementById(firstId)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const a = await call(api.book, {
        body: {
          serviceId: service.id,
          officeId: office.id,
          startsAt: slot.startsAt,
          name: form.name.trim(),
          email: form.email.trim() || undefined,
          phone: form.phone.trim() || undefined,
          privacyConsent: true,
          lang,
          channel: 'online',
        },
      });
      // An online booking always answers pending (the e-mailed link confirms it).
      onBooked(a as PendingBooking);
    } catch (err) {
      const key = errorKey(err);
      setFailure({ key, gone: key === 'errors.slot_full' || key === 'errors.slot_unavailable' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="book-step-title">
      <h2 id="book-step-title" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
        {t('details.title')}
      </h2>
      <div className={styles.summary} data-testid="book-summary">
        <p className={styles.summaryService}>{textIn(service.name, lang)}</p>
        <p className={styles.summaryWhen}>{t('details.when', { date: dateLabel, time: slot.time })}</p>
        <p className={styles.summaryOffice}>
          {textIn(office.name, lang)}
          {office.address ? <span className={styles.summaryAddress}>{office.address}</span> : null}
        </p>
      </div>
      <form onSubmit={submit} noValidate className={styles.form}>
        <p className={styles.muted}>{t('details.required')}</p>
        <TextField
          id="book-name"
          label={
            <>
              {t('details.name')} <span aria-hidden="true">*</span>
            </>
          }
          error={errors.name}
          autoComplete="name"
          required
          maxLength={100}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <fieldset
          className={styles.fieldset}
          aria-describedby={describedBy('book-contact-hint', errors.contact && 'book-contact-error')}
        >
          <legend className={styles.label}>{t('details.contact')}</legend>
          <p id="book-contact-hint" className={styles.hint}>
            {t('details.contactHint')}
          </p>
          <TextField
            id="book-email"
            label={t('details.email')}
            error={errors.email}
            invalid={Boolean(errors.contact)}
            type="email"
            dir="ltr"
            inputMode="email"
            autoComplete="email"
            maxLength={200}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
          <TextField
            id="book-phone"
            label={t('details.phone')}
            error={errors.phone}
            invalid={Boolean(errors.contact)}
            type="tel"
            dir="ltr"
            inputMode="tel"
            autoComplete="tel"
            maxLength={24}
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
          />
          {errors.contact ? (
            <p id="book-contact-error" className={styles.fieldError}>
              {errors.contact}
            </p>
          ) : null}
        </fieldset>
        <div className={styles.consent}>
          <input
            id="book-consent"
            type="checkbox"
            checked={form.consent}
            onChange={(e) => setForm({ ...form, consent: e.target.checked })}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={describedBy('book-privacy', errors.consent && 'book-consent-error')}
            data-testid="book-consent"
          />
          <label htmlFor="book-consent">
            {t('details.consent')} <span aria-hidden="true">*</span>
          </label>
        </div>
        <p id="book-privacy" className={styles.hint}>
          {t('details.privacy', { days: retentionDays })}
        </p>
        {errors.consent ? (
          <p id="book-consent-error" className={styles.fieldError}>
            {errors.consent}
          </p>
        ) : null}
        {failure ? (
          <div className={styles.errorBox} role="alert" data-testid="book-error">
            <p>{t(failure.key)}</p>
            {failure.gone ? (
              <button type="button" className={styles.secondary} onClick={onSlotGone}>
                {t('details.pickAnother')}
              </button>
            ) : null}
          </div>
        ) : null}
        <button type="submit" className={styles.primary} disabled={busy} aria-busy={busy} data-testid="book-submit">
          {busy ? t('details.booking') : t('details.submit')}
        </button>
      </form>
      <BackLink onClick={onBack} />
    </section>
  );
}
