'use client';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { QueueInfo } from '../contract/queues';
import styles from './counter.module.css';

/** Per-service figures of the office where somebody waits; the services this counter serves come first. */
export function QueueTable({ queues, servedIds, lang }: { queues: QueueInfo[]; servedIds: string[]; lang: LanguageCode }) {
  const t = useTranslations('counter');
  const served = new Set(servedIds);
  const rows = queues
    .filter((q) => q.waiting > 0)
    .sort((a, b) => Number(served.has(b.serviceId)) - Number(served.has(a.serviceId)) || b.waiting - a.waiting);

  return (
    <section className={`${styles.card} ${styles.queuesCard}`}>
      <h2 id="counter-queues-title" className={styles.cardTitle}>
        {t('queues.title')}
      </h2>
      {rows.length === 0 ? (
        <p className={styles.muted}>{t('queues.empty')}</p>
      ) : (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="counter-queues-title">
          <table className={styles.table} data-testid="counter-queues">
            <thead>
              <tr>
                <th scope="col">{t('queues.service')}</th>
                <th scope="col" className={styles.num}>
                  {t('queues.waiting')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('queues.oldest')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('queues.estimate')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('queues.counters')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((q) => (
                <tr key={q.serviceId} className={served.has(q.serviceId) ? styles.rowServed : styles.rowOther}>
                  <th scope="row">
                    <span className={styles.prefix}>{q.prefix}</span> {lang === 'en' ? q.nameEn : q.nameIt}
                    {!served.has(q.serviceId) && <span className={styles.notServed}> ({t('queues.notServedHere')})</span>}
                  </th>
                  <td className={styles.num}>{q.waiting}</td>
                  <td className={styles.num}>{q.waiting > 0 ? t('minutesShort', { count: q.oldestWaitMinutes }) : '–'}</td>
                  <td className={styles.num}>
                    {q.waiting > 0
                      ? q.estimatedWaitMinMinutes < q.estimatedWaitMaxMinutes
                        ? t('minutesRange', { min: q.estimatedWaitMinMinutes, max: q.estimatedWaitMaxMinutes })
                        : t('minutesShort', { count: q.estimatedWaitMinutes })
                      : '–'}
                  </td>
                  <td className={styles.num}>{q.openCounters}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
