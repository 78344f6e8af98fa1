'use client';
/** The start screen: the topics (categories) and the search, with the check-in button; says so first when the office is closed. */
import { textIn } from '../../contract/languages';
import type { Category, Service } from '../../contract/catalog';
import { useTranslations } from '../../ui/intl';
import type { LanguageCode } from '../../i18n/languages';
import { ClosedNotice } from '../ClosedNotice';
import { OnScreenKeyboard } from '../OnScreenKeyboard';
import checkinStyles from '../checkin.module.css';
import kiosk from '../kiosk.module.css';
import access from '../access.module.css';
import styles from './start.module.css';
import type { HeadingRef } from './heading';
import { BackButton } from './BackButton';
import { ServiceList } from './ServiceTile';
import { CalendarIcon, DocumentIcon, SearchIcon } from '../icons';
import { canShowEmoji, Emoji } from '../Emoji';

export type CatalogState = { status: 'loading' } | { status: 'error' } | { status: 'ready' };

export function StartScreen({
  headingRef,
  ...props
}: {
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
  /** "Follow a request": scan a procedure's tracking QR code. */
  onFollow?: () => void;
  /** Set while the office issues no walk-in tickets: the start screen says so first. */
  closed?: { nextOpensAt?: string; timeZone: string } | null;
}) {
  const t = useTranslations('kiosk');
  const { lang, searching, query, closed } = props;
  // Closed with nothing to book: no search box and no empty topic list, just the message.
  const nothingOffered = !!closed && props.catalog.status === 'ready' && props.categories.length === 0;
  const checkInButton =
    props.onCheckIn || props.onFollow ? (
      // One stop for Tab and Down (arrows go from one to the other), so the topics stay a few keys away.
      <div className={checkinStyles.startButtons} data-roving="">
        {props.onCheckIn ? (
          <button
            type="button"
            className={checkinStyles.checkinButton}
            onClick={props.onCheckIn}
            data-testid="kiosk-checkin-start"
          >
            <CalendarIcon />
            <span>{t('checkin.button')}</span>
          </button>
        ) : null}
        {props.onFollow ? (
          <button type="button" className={checkinStyles.checkinButton} onClick={props.onFollow} data-testid="kiosk-follow-start">
            <DocumentIcon />
            <span>{t('follow.button')}</span>
          </button>
        ) : null}
      </div>
    ) : null;
  // Three children at fixed positions, so the search box stays mounted (and focused) when the
  // screen switches between the welcome and the search layout.
  return (
    <div className={styles.start} data-searching={searching ? 'true' : 'false'}>
      {searching ? (
        <div className={kiosk.screenHead}>
          <BackButton onClick={props.onCloseSearch} />
          <h1 ref={headingRef} tabIndex={-1} className={kiosk.title}>
            {t('searchTitle')}
          </h1>
        </div>
      ) : closed ? (
        <div className={styles.welcome}>
          <ClosedNotice lang={lang} nextOpensAt={closed.nextOpensAt} timeZone={closed.timeZone} headingRef={headingRef} />
          {checkInButton ? <div className={styles.closedActions}>{checkInButton}</div> : null}
        </div>
      ) : (
        <div className={styles.welcome}>
          <h1 ref={headingRef} tabIndex={-1} className={`${styles.welcomeTitle} ${access.lowHide}`}>
            {t('welcome')}
          </h1>
          <p className={`${styles.welcomeHint} ${access.lowHide}`}>{t('welcomeHint')}</p>
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
            // A touch opens the search layout; a key user only passes through on the way to the
            // topics (typing opens it too), so focus alone does not.
            onClick={props.onOpenSearch}
            onChange={(e) => props.onQuery(e.target.value)}
          />
        </div>
      )}
      {nothingOffered ? null : searching ? (
        <div className={styles.searchPanel}>
          <section className={styles.results} aria-label={t('searchTitle')}>
            <p className={`${styles.resultCount} ${access.lowHide}`} role="status" aria-live="polite" data-speak="">
              {query.trim() ? t('searchResults', { count: props.results.length }) : ''}
            </p>
            {!query.trim() ? (
              <p className={kiosk.hint}>{t('searchHint')}</p>
            ) : props.results.length === 0 ? (
              <p className={kiosk.hint}>{t('searchNoResults')}</p>
            ) : (
              <ServiceList
                services={props.results}
                lang={lang}
                onChoose={props.onService}
                showCategory
                className={styles.resultList}
              />
            )}
          </section>
          <OnScreenKeyboard value={query} onChange={props.onQuery} className={styles.searchKeyboard} />
        </div>
      ) : (
        <section className={styles.categories} aria-labelledby="kiosk-categories-heading">
          <h2 id="kiosk-categories-heading" className={`${kiosk.sectionTitle} ${access.lowHide}`}>
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
    return <p className={kiosk.hint}>{tc('loading')}</p>;
  }
  if (props.catalog.status === 'error' && props.categories.length === 0) {
    return (
      <div className={styles.inlineError} role="alert">
        <p>{t('loadError')}</p>
        <button type="button" className={kiosk.primaryButton} onClick={props.onRetryCatalog}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (props.categories.length === 0) return <p className={kiosk.hint}>{t('noServices')}</p>;
  return (
    <ul className={`${styles.categoryGrid} ${access.lowTiles}`} data-count={props.categories.length}>
      {props.categories.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            className={canShowEmoji(c.icon) ? styles.categoryTile : `${styles.categoryTile} ${styles.noIcon}`}
            data-testid={`kiosk-category-${c.slug}`}
            onClick={() => props.onCategory(c)}
          >
            <Emoji text={c.icon} className={styles.categoryEmoji} />
            <span className={styles.categoryName}>{textIn(c.name, props.lang)}</span>
            <span className={styles.categoryCount}>{t('servicesCount', { count: props.countByCategory.get(c.id) ?? 0 })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
