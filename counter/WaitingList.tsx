'use client';
import { textIn } from '../contract/lang';
import { useFormatter, useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { QueueInfo } from '../contract/queues';
import type { WaitingEntry } from '../contract/counters';
import styles from './counter.module.css';
import { PriorityBadge } from './PriorityBadge';
import { minutesSince, useNow } from '../ui/time';

/** Tickets this counter may call, in the order "call next" takes them. */
export function WaitingList({
  waiting,
  total,
  queues,
  lang,
}: {
  waiting: WaitingEntry[];
  total: number;
  queues: QueueInfo[];
  lang: LanguageCode;
}) {
  const t = useTranslations('counter');
  const now = useNow(15_000);
  const format = useFormatter();
  // In the screen's time zone (the office's): the booked time as the citizen knows it.
  const localTime = (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const names = new Map(queues.map((q) => [q.serviceId, textIn(q.name, lang)]));

  return (
    <section className={`${styles.card} ${styles.waitingCard}`}>
      <div className={styles.waitingHead}>
        <h2 id="counter-waiting-title" className={styles.cardTitle}>
          {t('waiting.title')}
        </h2>
        <p className={styles.waitingTotal} data-testid="counter-waiting-total">
          {t('waiting.total', { count: total })}
        </p>
      </div>
      {total > waiting.length && waiting.length > 0 && (
        <p className={styles.muted}>{t('waiting.shown', { count: waiting.length })}</p>
      )}
      {waiting.length === 0 ? (
        <p className={styles.muted} data-testid="counter-waiting-list">
          {t('waiting.empty')}
        </p>
      ) : (
        <div className={styles.waitingScroll} tabIndex={0} role="region" aria-labelledby="counter-waiting-title">
          <ol className={styles.waitingList} data-testid="counter-waiting-list">
            {waiting.map((w, i) => (
              <li
                key={w.id}
                className={`${styles.waitingItem} ${w.direct ? styles.waitingDirect : ''}`}
                data-testid={`counter-waiting-${w.number}`}
              >
                <span className={styles.waitingPos} aria-hidden="true">
                  {i + 1}
                </span>
                <span className={styles.waitingNumber}>{w.number}</span>
                <span className={styles.waitingInfo}>
                  <span className={styles.waitingService} title={names.get(w.serviceId)}>
                    {names.get(w.serviceId) ?? ''}
                  </span>
                  <span className={styles.waitingBadges}>
                    {w.direct && <span className={styles.badgeDirect}>{t('waiting.direct')}</span>}
                    <PriorityBadge priority={w.priority} />
                  </span>
                </span>
                <span className={styles.waitingTime}>
                  {/* A checked-in appointment ranks by its booked time (queuedAt): show that time. */}
                  {w.priority === 'appointment'
                    ? t('waiting.appointmentAt', { time: localTime(w.queuedAt) })
                    : t('waiting.waited', { minutes: minutesSince(w.queuedAt, now) })}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
