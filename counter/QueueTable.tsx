'use client';
import { useTranslations } from 'use-intl';
import type { LanguageCode } from '../i18n/languages';
import type { QueueInfo } from '../contract/queues';
import { QueueTable as Table } from '../ui/staff/QueueTable';
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
        <Table namespace="counter" rows={rows} lang={lang} labelledBy="counter-queues-title" dense served={served} />
      )}
    </section>
  );
}
