'use client';
import { textIn } from '../../contract/lang';
import { useTranslations } from 'use-intl';
import type { QueueInfo } from '../../contract/queues';
import type { LanguageCode } from '../../i18n/languages';
import styles from './staff.module.css';

/**
 * Per-service queue figures of an office (waiting, longest wait, estimate, open counters), in the
 * order given. The clerk's screen passes `served` (the services of the counter: the others are
 * greyed, with a note); the supervisor's passes `supervise` (a target column, late and unserved
 * queues marked, a "move" button per row). Texts and test ids come from the screen's namespace.
 */
export function QueueTable({
  namespace,
  rows,
  lang,
  labelledBy,
  dense = false,
  served,
  supervise,
}: {
  namespace: 'admin' | 'counter';
  rows: QueueInfo[];
  lang: LanguageCode;
  /**
   * Id of the heading that names the table's scroll region, which can then be scrolled with the
   * keyboard; leave it out when the enclosing section already is a region with that name.
   */
  labelledBy?: string;
  /** Tighter rows, for a narrow column. */
  dense?: boolean;
  served?: ReadonlySet<string>;
  supervise?: { targets: ReadonlyMap<string, number>; onMove: (serviceId: string) => void };
}) {
  const t = useTranslations(namespace);
  const id = `${namespace}-queue`;
  return (
    <div className={styles.tableScroll} {...(labelledBy ? { tabIndex: 0, role: 'region', 'aria-labelledby': labelledBy } : {})}>
      <table className={dense ? `${styles.table} ${styles.tableDense}` : styles.table} data-testid={`${namespace}-queues`}>
        <thead>
          <tr>
            <th scope="col">{t('queues.service')}</th>
            <th scope="col" className={styles.num}>
              {t('queues.waiting')}
            </th>
            <th scope="col" className={styles.num}>
              {t('queues.oldest')}
            </th>
            {supervise && (
              <th scope="col" className={styles.num}>
                {t('queues.target')}
              </th>
            )}
            <th scope="col" className={styles.num}>
              {t('queues.estimate')}
            </th>
            <th scope="col" className={styles.num}>
              {t('queues.counters')}
            </th>
            {supervise && (
              <th scope="col" className={styles.num}>
                <span className="visually-hidden">{t('queues.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((q) => {
            const name = textIn(q.name, lang);
            const goal = supervise?.targets.get(q.serviceId) ?? 0;
            const over = supervise !== undefined && q.waiting > 0 && q.oldestWaitMinutes > goal;
            const unserved = supervise !== undefined && q.waiting > 0 && q.openCounters === 0;
            const other = served !== undefined && !served.has(q.serviceId);
            const rowClass = served ? (other ? styles.rowOther : styles.rowServed) : unserved ? styles.rowAlert : '';
            return (
              <tr key={q.serviceId} className={rowClass} data-testid={`${id}-${q.serviceId}`}>
                <th scope="row">
                  <span className={styles.servicePrefix}>{q.prefix}</span>
                  {name}
                  {other && <span className={styles.notServed}> ({t('queues.notServedHere')})</span>}
                </th>
                <td className={styles.num} data-testid={`${id}-${q.serviceId}-waiting`}>
                  {q.waiting}
                </td>
                <td className={over ? `${styles.num} ${styles.over}` : styles.num}>
                  {q.waiting > 0 ? t('minutes', { count: q.oldestWaitMinutes }) : '–'}
                </td>
                {supervise && <td className={styles.num}>{t('minutes', { count: goal })}</td>}
                <td className={styles.num}>
                  {q.waiting === 0
                    ? '–'
                    : supervise && q.openCounters === 0
                      ? t('queues.noEstimate')
                      : q.estimatedWaitMinMinutes < q.estimatedWaitMaxMinutes
                        ? t('minutesRange', { min: q.estimatedWaitMinMinutes, max: q.estimatedWaitMaxMinutes })
                        : t('minutes', { count: q.estimatedWaitMinutes })}
                </td>
                <td className={styles.num}>{q.openCounters}</td>
                {supervise && (
                  <td>
                    <div className={styles.actionsCell}>
                      <button
                        type="button"
                        className={styles.buttonSmall}
                        disabled={q.waiting === 0}
                        onClick={() => supervise.onMove(q.serviceId)}
                        aria-label={t('queues.moveFrom', { service: name })}
                        data-testid={`${id}-${q.serviceId}-move`}
                      >
                        {t('queues.move')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
