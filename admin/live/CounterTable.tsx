'use client';
import { textIn } from '../../contract/lang';
import { useTranslations } from 'use-intl';
import { formatElapsed, useNow } from '../../ui/time';
import type { SupervisorCounter, SupervisorService } from '../../contract/supervisor';
import styles from '../admin.module.css';
import { useAdmin } from '../context';

/** Every counter of the office: who, doing what, since when, serving which services. */
export function CounterTable({
  counters,
  services,
  onServices,
  onClose,
}: {
  counters: SupervisorCounter[];
  services: SupervisorService[];
  onServices: (c: SupervisorCounter) => void;
  onClose: (c: SupervisorCounter) => void;
}) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const now = useNow();
  const byId = new Map(services.map((s) => [s.id, s]));
  return (
    <section className={styles.card} aria-labelledby="admin-counters-title">
      <div className={styles.cardHead}>
        <h2 id="admin-counters-title" className={styles.h2}>
          {t('counters.title')}
        </h2>
      </div>
      {counters.length === 0 ? (
        <p className={styles.muted}>{t('counters.none')}</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={styles.table} data-testid="admin-counters">
            <thead>
              <tr>
                <th scope="col">{t('counters.counter')}</th>
                <th scope="col">{t('counters.clerk')}</th>
                <th scope="col">{t('counters.state')}</th>
                <th scope="col">{t('counters.ticket')}</th>
                <th scope="col" className={styles.num}>
                  {t('counters.for')}
                </th>
                <th scope="col">{t('counters.services')}</th>
                <th scope="col" className={styles.num}>
                  <span className="visually-hidden">{t('counters.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {counters.map((c) => {
                const served = c.serviceIds.map((id) => byId.get(id)).filter((s): s is SupervisorService => !!s);
                return (
                  <tr
                    key={c.id}
                    className={c.state === 'closed' ? styles.closedRow : undefined}
                    data-testid={`admin-counter-${c.number}`}
                    data-activity={c.activity}
                  >
                    <th scope="row" className={styles.nowrap}>
                      {c.name}
                    </th>
                    <td>{c.staffName ?? '–'}</td>
                    <td>
                      <span className={`${styles.pill} ${styles[`act_${c.activity}`]}`}>{t(`activity.${c.activity}`)}</span>
                    </td>
                    <td>
                      {c.current ? (
                        <>
                          <span className={styles.ticketNumber} data-testid={`admin-counter-${c.number}-ticket`}>
                            {c.current.number}
                          </span>{' '}
                          <span className={styles.muted}>{textIn(c.current.serviceName, lang)}</span>
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td className={`${styles.num} ${styles.elapsed}`}>{c.since ? formatElapsed(c.since, now) : '–'}</td>
                    <td>
                      {c.state === 'closed' ? (
                        '–'
                      ) : (
                        <span className={styles.services} title={served.map((s) => textIn(s.name, lang)).join(', ')}>
                          <span>{t('counters.serviceCount', { count: served.length })}</span>
                          <span className={styles.prefixLine}>
                            {t('counters.prefixes', { prefixes: [...new Set(served.map((s) => s.prefix))].join(' ') })}
                          </span>
                        </span>
                      )}
                    </td>
                    <td>
                      {c.state !== 'closed' && (
                        <div className={styles.actionsCell}>
                          <button
                            type="button"
                            className={styles.buttonSmall}
                            onClick={() => onServices(c)}
                            aria-label={t('counters.changeServicesOf', { counter: c.name })}
                            data-testid={`admin-counter-${c.number}-services`}
                          >
                            {t('counters.changeServices')}
                          </button>
                          <button
                            type="button"
                            className={styles.buttonSmallDanger}
                            onClick={() => onClose(c)}
                            disabled={c.current !== null}
                            title={c.current ? t('counters.closeBusy') : undefined}
                            aria-label={t('counters.closeOf', { counter: c.name })}
                            data-testid={`admin-counter-${c.number}-close`}
                          >
                            {t('counters.close')}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
