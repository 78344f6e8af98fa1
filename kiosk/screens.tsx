'use client';
/**
 * The kiosk's screens. Presentational: state and navigation live in Kiosk.tsx.
 * Every screen has exactly one h1 (focused on arrival, so screen readers announce the new step).
 */
import type { ComponentType, RefObject } from 'react';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import { pick, type Category, type ErrorKind, type IssuedTicket, type KioskPriority, type Office, type Service } from './api';
import {
  AlertIcon,
  BackIcon,
  CalendarIcon,
  CheckIcon,
  ChevronIcon,
  ClockIcon,
  ElderlyIcon,
  PeopleIcon,
  PhoneIcon,
  PregnantIcon,
  PrinterIcon,
  SearchIcon,
  WheelchairIcon,
} from './icons';
import { ClosedNotice } from './ClosedNotice';
import { canShowEmoji, Emoji } from './Emoji';
import { KioskBooking } from './KioskBooking';
import checkinStyles from './checkin.module.css';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import styles from './kiosk.module.css';

type HeadingRef = RefObject<HTMLHeadingElement | null>;

export function BackButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const t = useTranslations('kiosk');
  return (
    <button type="button" className={styles.backButton} onClick={onClick} data-testid="kiosk-back">
      <BackIcon />
      <span>{label ?? t('back')}</span>
    </button>
  );
}

/* ---------- start screen (categories) and search ---------- */

export type CatalogState = { status: 'loading' } | { status: 'error' } | { status: 'ready' };

export function StartScreen(props: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  searching: boolean;
  query: string;
  onQuery: (q: string) => void;
  onOpenSearch: () => void;
  onCloseSearch: () => void;
  results: Service[];
  categories: Category[];
  countByCategory: Map<string, number>;
  catalog: CatalogState;
  onRetryCatalog: () => void;
  onCategory: (c: Category) => void;
  onService: (s: Service) => void;
  /** "I have an appointment": check in with the booking code or QR code. */
  onCheckIn?: () => void;
  /** Set while the office issues no walk-in tickets: the start screen says so first. */
  closed?: { nextOpensAt?: string; timeZone: string } | null;
}) {
  const t = useTranslations('kiosk');
  const { lang, searching, query, closed } = props;
  // Closed with nothing to book: no search box and no empty topic list, just the message.
  const nothingOffered = !!closed && props.catalog.status === 'ready' && props.categories.length === 0;
  const checkInButton = props.onCheckIn ? (
    <button type="button" className={checkinStyles.checkinButton} onClick={props.onCheckIn} data-testid="kiosk-checkin-start">
      <CalendarIcon />
      <span>{t('checkin.button')}</span>
    </button>
  ) : null;
  // Three children at fixed positions, so the search box stays mounted (and focused) when the
  // screen switches between the welcome and the search layout.
  return (
    <div className={styles.start} data-searching={searching ? 'true' : 'false'}>
      {searching ? (
        <div className={styles.screenHead}>
          <BackButton onClick={props.onCloseSearch} />
          <h1 ref={props.headingRef} tabIndex={-1} className={styles.title}>
            {t('searchTitle')}
          </h1>
        </div>
      ) : closed ? (
        <div className={styles.welcome}>
          <ClosedNotice lang={lang} nextOpensAt={closed.nextOpensAt} timeZone={closed.timeZone} headingRef={props.headingRef} />
          {checkInButton ? <div className={styles.closedActions}>{checkInButton}</div> : null}
        </div>
      ) : (
        <div className={styles.welcome}>
          <h1 ref={props.headingRef} tabIndex={-1} className={styles.welcomeTitle}>
            {t('welcome')}
          </h1>
          <p className={styles.welcomeHint}>{t('welcomeHint')}</p>
          {checkInButton}
        </div>
      )}
      {nothingOffered ? (
        <div />
      ) : (
        <div className={styles.searchBox}>
          <label htmlFor="kiosk-search-input" className="visually-hidden">
            {t('searchLabel')}
          </label>
          <SearchIcon />
          <input
            id="kiosk-search-input"
            data-testid="kiosk-search"
            className={styles.searchInput}
            type="search"
            value={query}
            placeholder={t('searchPlaceholder')}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            // The kiosk brings its own keyboard; a system one would cover the screen.
            inputMode="none"
            onFocus={props.onOpenSearch}
            onClick={props.onOpenSearch}
            onChange={(e) => props.onQuery(e.target.value)}
          />
        </div>
      )}
      {nothingOffered ? null : searching ? (
        <div className={styles.searchPanel}>
          <section className={styles.results} aria-label={t('searchTitle')}>
            <p className={styles.resultCount} role="status" aria-live="polite">
              {query.trim() ? t('searchResults', { count: props.results.length }) : ''}
            </p>
            {!query.trim() ? (
              <p className={styles.hint}>{t('searchHint')}</p>
            ) : props.results.length === 0 ? (
              <p className={styles.hint}>{t('searchNoResults')}</p>
            ) : (
              <ul className={styles.serviceList}>
                {props.results.map((s) => (
                  <li key={s.id}>
                    <ServiceTile service={s} lang={lang} onChoose={props.onService} showCategory />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <OnScreenKeyboard value={query} onChange={props.onQuery} />
        </div>
      ) : (
        <section className={styles.categories} aria-labelledby="kiosk-categories-heading">
          <h2 id="kiosk-categories-heading" className={styles.sectionTitle}>
            {closed ? t('closed.appointmentsHeading') : t('categoriesHeading')}
          </h2>
          <CategoryGrid {...props} />
        </section>
      )}
    </div>
  );
}

function CategoryGrid(props: {
  lang: LanguageCode;
  categories: Category[];
  countByCategory: Map<string, number>;
  catalog: CatalogState;
  onRetryCatalog: () => void;
  onCategory: (c: Category) => void;
}) {
  const t = useTranslations('kiosk');
  const tc = useTranslations('common');
  if (props.catalog.status === 'loading' && props.categories.length === 0) {
    return <p className={styles.hint}>{tc('loading')}</p>;
  }
  if (props.catalog.status === 'error' && props.categories.length === 0) {
    return (
      <div className={styles.inlineError} role="alert">
        <p>{t('loadError')}</p>
        <button type="button" className={styles.primaryButton} onClick={props.onRetryCatalog}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (props.categories.length === 0) return <p className={styles.hint}>{t('noServices')}</p>;
  return (
    <ul className={styles.categoryGrid} data-count={props.categories.length}>
      {props.categories.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            className={canShowEmoji(c.icon) ? styles.categoryTile : `${styles.categoryTile} ${styles.noIcon}`}
            data-testid={`kiosk-category-${c.slug}`}
            onClick={() => props.onCategory(c)}
          >
            <Emoji text={c.icon} className={styles.emoji} />
            <span className={styles.categoryName}>{pick(props.lang, c.nameIt, c.nameEn)}</span>
            <span className={styles.categoryCount}>{t('servicesCount', { count: props.countByCategory.get(c.id) ?? 0 })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ServiceTile({
  service: s,
  lang,
  onChoose,
  showCategory,
}: {
  service: Service;
  lang: LanguageCode;
  onChoose: (s: Service) => void;
  showCategory?: boolean;
}) {
  const t = useTranslations('kiosk');
  const byAppointment = s.mode === 'appointment';
  return (
    <button
      type="button"
      className={byAppointment ? `${styles.serviceTile} ${styles.serviceTileAppointment}` : styles.serviceTile}
      data-testid={`kiosk-service-${s.code}`}
      data-mode={s.mode}
      onClick={() => onChoose(s)}
    >
      <span className={styles.serviceText}>
        <span className={styles.serviceName}>{pick(lang, s.nameIt, s.nameEn)}</span>
        {showCategory && !byAppointment ? (
          <span className={styles.serviceMeta}>
            <Emoji text={s.category.icon} />
            {pick(lang, s.category.nameIt, s.category.nameEn)}
          </span>
        ) : null}
        {byAppointment ? (
          <span className={styles.serviceMeta}>
            <CalendarIcon />
            {t('byAppointmentBadge', { office: pick(lang, s.office.name, s.office.nameEn) })}
          </span>
        ) : null}
      </span>
      <ChevronIcon />
    </button>
  );
}

/* ---------- one category ---------- */

export function CategoryScreen({
  lang,
  headingRef,
  category,
  services,
  onBack,
  onService,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  category: Category;
  services: Service[];
  onBack: () => void;
  onService: (s: Service) => void;
}) {
  const t = useTranslations('kiosk');
  return (
    <div className={styles.screen}>
      <div className={styles.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
          <Emoji text={category.icon} className={styles.titleEmoji} />
          {pick(lang, category.nameIt, category.nameEn)}
        </h1>
      </div>
      <p className={styles.lead}>{t('chooseService')}</p>
      <ul className={`${styles.serviceList} ${styles.scroll}`}>
        {services.map((s) => (
          <li key={s.id}>
            <ServiceTile service={s} lang={lang} onChoose={onService} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/* ---------- appointment-only service ---------- */

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
  const officeName = pick(lang, service.office.name, service.office.nameEn);
  return (
    <div className={styles.screen} data-testid="kiosk-appointment">
      <div className={styles.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
          {pick(lang, service.nameIt, service.nameEn)}
        </h1>
      </div>
      <div className={`${styles.panel} ${styles.scroll}`}>
        <span className={styles.panelIcon}>
          <CalendarIcon />
        </span>
        <p className={styles.panelEyebrow}>{t('appointmentTitle')}</p>
        <p className={styles.panelText}>{t('appointmentText', { office: officeName })}</p>
        {office?.address ? <p className={styles.panelAddress}>{office.address}</p> : null}
        <p className={styles.panelNote}>{t('appointmentNoTicket')}</p>
        {/* Booking on the spot (issue #3): the next free times at the service's office. */}
        <div className={styles.bookingSlot} data-slot="booking">
          <KioskBooking service={service} lang={lang} kioskId={kioskId} />
        </div>
      </div>
      <div className={styles.actions}>
        <button type="button" className={styles.primaryButton} onClick={onBack}>
          <BackIcon />
          <span>{t('back')}</span>
        </button>
        <button type="button" className={styles.secondaryButton} onClick={onStartOver}>
          {t('startOver')}
        </button>
      </div>
    </div>
  );
}

/* ---------- priority ---------- */

const priorityChoices: { value: Exclude<KioskPriority, 'none'>; key: string; Icon: ComponentType }[] = [
  { value: 'disability', key: 'priorityDisability', Icon: WheelchairIcon },
  { value: 'pregnancy', key: 'priorityPregnancy', Icon: PregnantIcon },
  { value: 'elderly', key: 'priorityElderly', Icon: ElderlyIcon },
];

export function PriorityScreen({
  lang,
  headingRef,
  service,
  onBack,
  onChoose,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  service: Service;
  onBack: () => void;
  onChoose: (p: KioskPriority) => void;
}) {
  const t = useTranslations('kiosk');
  return (
    <div className={styles.screen}>
      <div className={styles.screenHead}>
        <BackButton onClick={onBack} />
        <h1 ref={headingRef} tabIndex={-1} className={styles.title} id="kiosk-priority-title">
          {t('priorityTitle')}
        </h1>
      </div>
      <div className={styles.scroll}>
        <p className={styles.lead}>{t('priorityService', { service: pick(lang, service.nameIt, service.nameEn) })}</p>
        <p className={styles.explain}>{t('priorityExplain')}</p>
        <div className={styles.priorityGrid} role="group" aria-labelledby="kiosk-priority-title">
          <button
            type="button"
            className={`${styles.priorityTile} ${styles.priorityNone}`}
            data-testid="kiosk-priority-none"
            onClick={() => onChoose('none')}
          >
            <span className={styles.priorityIcon}>
              <CheckIcon />
            </span>
            <span className={styles.priorityText}>
              <span className={styles.priorityLabel}>{t('priorityNone')}</span>
              <span className={styles.priorityHint}>{t('priorityNoneHint')}</span>
            </span>
          </button>
          {priorityChoices.map(({ value, key, Icon }) => (
            <button
              key={value}
              type="button"
              className={styles.priorityTile}
              data-testid={`kiosk-priority-${value}`}
              onClick={() => onChoose(value)}
            >
              <span className={styles.priorityIcon}>
                <Icon />
              </span>
              <span className={styles.priorityText}>
                <span className={styles.priorityLabel}>{t(key)}</span>
              </span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

/* ---------- waiting for the server ---------- */

export function IssuingScreen({ headingRef }: { headingRef: HeadingRef }) {
  const t = useTranslations('kiosk');
  return (
    <div className={`${styles.screen} ${styles.centered}`} aria-busy="true">
      <span className={styles.spinner} aria-hidden="true" />
      <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
        {t('issuing')}
      </h1>
    </div>
  );
}

/* ---------- the ticket ---------- */

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function waitPhrase(t: Translate, minutes: number | null | undefined): string | null {
  if (minutes === null || minutes === undefined) return null;
  return minutes <= 0 ? t('waitNext') : t('waitAbout', { count: Math.round(minutes) });
}

export function TicketScreen({
  lang,
  headingRef,
  ticket,
  onDone,
}: {
  lang: LanguageCode;
  headingRef: HeadingRef;
  ticket: IssuedTicket;
  onDone: () => void;
}) {
  const t = useTranslations('kiosk');
  const wait = waitPhrase(t, ticket.estimatedWaitMinutes);
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
        <p className={styles.ticketNumber}>
          <span className="visually-hidden">{t('ticketNumberLabel')} </span>
          <span data-testid="kiosk-ticket-number">{ticket.number}</span>
        </p>
        <p className={styles.ticketService}>{pick(lang, ticket.service.nameIt, ticket.service.nameEn)}</p>
        <dl className={styles.stats}>
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
        <p className={styles.whatNext}>{t('ticketWhatNext')}</p>
        {ticket.print ? (
          <p
            className={noPaper ? `${styles.printNotice} ${styles.printNoticeAlert}` : styles.printNotice}
            role={noPaper ? 'alert' : undefined}
            data-testid="kiosk-print-notice"
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

/* ---------- errors ---------- */

const errorKeys: Record<ErrorKind, string> = {
  network: 'errorNetwork',
  tooMany: 'errorTooMany',
  byAppointment: 'errorByAppointment',
  notFound: 'errorNotFound',
  closed: 'errorClosed',
  unavailable: 'errorUnavailable',
  generic: 'errorGeneric',
};

/** The ticket's QR code (it opens the phone page that follows the ticket) and the button that ends the visit. */
export function TicketQrAndDone({ code, onDone }: { code: string; onDone: () => void }) {
  const t = useTranslations('kiosk');
  return (
    <>
      <figure className={styles.qr}>
        {/* A plain <img>: the API renders the SVG, there is nothing for next/image to optimise. */}
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
      <button type="button" className={`${styles.primaryButton} ${styles.doneButton}`} data-testid="kiosk-done" onClick={onDone}>
        <CheckIcon />
        <span>{t('done')}</span>
      </button>
    </>
  );
}

export function errorMessageKey(kind: ErrorKind): string {
  return errorKeys[kind];
}

export function ErrorScreen({
  headingRef,
  kind,
  onRetry,
  onStartOver,
}: {
  headingRef: HeadingRef;
  kind: ErrorKind;
  onRetry: (() => void) | null;
  onStartOver: () => void;
}) {
  const t = useTranslations('kiosk');
  return (
    <div className={`${styles.screen} ${styles.centered}`} data-testid="kiosk-error" data-error={kind}>
      <div className={styles.errorPanel} role="alert">
        <span className={styles.errorIcon}>
          <AlertIcon />
        </span>
        <h1 ref={headingRef} tabIndex={-1} className={styles.title}>
          {t('errorTitle')}
        </h1>
        <p className={styles.errorText}>{t(errorKeys[kind])}</p>
      </div>
      <div className={styles.actions}>
        {onRetry ? (
          <button type="button" className={styles.primaryButton} onClick={onRetry} data-testid="kiosk-retry">
            {t('retry')}
          </button>
        ) : null}
        <button type="button" className={styles.secondaryButton} onClick={onStartOver}>
          {t('startOver')}
        </button>
      </div>
    </div>
  );
}
