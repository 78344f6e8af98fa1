'use client';
import { textIn } from '../contract/lang';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { CounterTicket } from '../contract/tickets';
import styles from './counter.module.css';
import { PriorityBadge } from './PriorityBadge';
import { formatElapsed, useNow } from '../ui/time';
import type { CounterState } from '../contract/enums';

/** The ticket being called or served at this counter, big, with a clock that ticks every second. */
export function CurrentTicket({
  ticket,
  state,
  lang,
}: {
  ticket: CounterTicket | null;
  state: CounterState;
  lang: LanguageCode;
}) {
  const t = useTranslations('counter');
  const now = useNow(1000);

  if (!ticket) {
    return (
      <section className={`${styles.card} ${styles.currentCard} ${styles.currentEmpty}`} aria-labelledby="counter-current-title">
        <h2 id="counter-current-title" className={styles.cardTitle}>
          {t('current.title')}
        </h2>
        <p className={styles.emptyBig}>{t('current.none')}</p>
        <p className={styles.muted}>{state === 'paused' ? t('current.hintPaused') : t('current.hintCall')}</p>
      </section>
    );
  }

  const serving = ticket.status === 'serving';
  const since = serving ? ticket.startedAt : ticket.calledAt;
  const service = textIn(ticket.serviceName, lang);

  return (
    <section
      className={`${styles.card} ${styles.currentCard} ${serving ? styles.currentServing : styles.currentCalled}`}
      aria-labelledby="counter-current-title"
      data-testid="counter-current"
    >
      <h2 id="counter-current-title" className={styles.cardTitle}>
        {t('current.title')}
      </h2>
      <div className={styles.currentBody}>
        <div className={styles.currentMain}>
          <p className={styles.currentNumber} data-testid="counter-current-number">
            {ticket.number}
          </p>
          <p className={styles.currentService}>{service}</p>
          {ticket.transferred && ticket.note && (
            <p className={styles.recalls} data-testid="counter-current-note">
              {t('current.note')}: {ticket.note}
            </p>
          )}
        </div>
        <div className={styles.currentSide}>
          <p className={styles.badges}>
            <span className={serving ? styles.statusServing : styles.statusCalled} data-testid="counter-current-status">
              {t(`status.${ticket.status}`)}
            </span>
            <PriorityBadge priority={ticket.priority} />
            {ticket.transferred && <span className={styles.badgeTransferred}>{t('current.transferred')}</span>}
          </p>
          <p className={styles.elapsed}>
            <span className={styles.elapsedLabel}>{serving ? t('current.servingFor') : t('current.calledFor')}</span>{' '}
            <time className={styles.elapsedValue} dateTime={since ?? undefined} data-testid="counter-current-elapsed">
              {formatElapsed(since, now)}
            </time>
          </p>
          {ticket.recallCount > 0 && (
            <p className={styles.recalls} data-testid="counter-current-recalls">
              {t('current.recalls', { count: ticket.recallCount })}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
