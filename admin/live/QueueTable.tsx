'use client';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { QueueInfo } from '../../contract/queues';
import type { SupervisorService } from '../../contract/supervisor';
import { QueueTable as Table } from '../../ui/staff/QueueTable';
import styles from '../admin.module.css';
import { useAdmin } from '../context';

/** Per-service queue figures; by default only the queues where somebody waits (the desk has ~90 services). */
export function QueueTable({
  queues,
  services,
  onMove,
}: {
  queues: QueueInfo[];
  services: SupervisorService[];
  onMove: (serviceId: string) => void;
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const [all, setAll] = useState(false);
  const targets = new Map(services.map((s) => [s.id, s.targetWaitMinutes]));
  const rows = queues
    .filter((q) => all || q.waiting > 0)
    .sort((a, b) => b.waiting - a.waiting || b.oldestWaitMinutes - a.oldestWaitMinutes);
  return (
    <section className={styles.card} aria-labelledby="admin-queues-title">
      <div className={styles.cardHead}>
        <h2 id="admin-queues-title" className={styles.h2}>
          {t('queues.title')}
        </h2>
        <label className={styles.check}>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="admin-queues-all" />
          {t('queues.showAll')}
        </label>
      </div>
      {rows.length === 0 ? (
        <p className={styles.muted}>{t('queues.empty')}</p>
      ) : (
        <Table namespace="admin" rows={rows} lang={lang} supervise={{ targets, onMove }} />
      )}
    </section>
  );
}
