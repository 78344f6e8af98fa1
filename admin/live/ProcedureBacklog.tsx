'use client';
import { useCallback, useState } from 'react';
import { useTranslations } from 'use-intl';
import { api } from '../../contract/api';
import type { ProcedureStats } from '../../contract/procedure-stats';
import { call } from '../../ui/http';
import { useLoad } from '../../ui/useLoad';
import { useProcedureChanges } from '../../ui/useProcedureChanges';
import styles from '../admin.module.css';

/** The backlog is "now" whatever the range: any valid day will do for the query. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The office's procedures beside its queues: open now, waiting for the citizen, due soon, past the
 * deadline (the same figures as the statistics page), read again whenever a procedure moves.
 */
export function ProcedureBacklog({ officeId }: { officeId: string }) {
  const t = useTranslations('admin');
  const [backlog, setBacklog] = useState<ProcedureStats['backlog'] | null>(null);
  const load = useCallback(async () => {
    const day = today();
    const r = await call(api.procedureStats, { query: { from: day, to: day, officeId } }).catch(() => null);
    setBacklog(r?.backlog ?? null);
  }, [officeId]);
  useLoad(load);

  useProcedureChanges(officeId, () => void load());

  if (!backlog) return null;
  return (
    <ul className={styles.summary} aria-label={t('stats.backlogTitle')} data-testid="admin-live-procedures">
      <li className={styles.chip} aria-hidden="true">
        <strong>{t('stats.backlogTitle')}</strong>
      </li>
      {(['open', 'waitingCitizen', 'dueSoon', 'overdue'] as const).map((k) => (
        <li key={k} className={`${styles.chip} ${k === 'overdue' && backlog[k] > 0 ? styles.chipAlert : ''}`}>
          {t(`stats.backlog.${k}`)}
          <span className={styles.chipValue} data-testid={`admin-live-procedures-${k}`}>
            {backlog[k]}
          </span>
        </li>
      ))}
    </ul>
  );
}
