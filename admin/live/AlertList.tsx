'use client';
import { type LocalizedText, textIn } from '../../contract/lang';
import { useTranslations } from 'use-intl';
import type { SupervisorAlert } from '../../contract/supervisor';
import styles from '../admin.module.css';
import { useAdmin } from '../context';

/** The alerts, worst first; a live region so that a new alert is announced. */
export function AlertList({ alerts }: { alerts: SupervisorAlert[] }) {
  const t = useTranslations('admin');
  const { lang } = useAdmin();
  const name = (s: { name: LocalizedText; prefix: string }) => `${s.prefix} · ${textIn(s.name, lang)}`;
  return (
    <section className={styles.card} aria-labelledby="admin-alerts-title">
      <div className={styles.cardHead}>
        <h2 id="admin-alerts-title" className={styles.h2}>
          {t('alerts.title')}
        </h2>
      </div>
      <div aria-live="polite" data-testid="admin-alerts">
        {alerts.length === 0 ? (
          <p className={styles.noAlerts}>{t('alerts.none')}</p>
        ) : (
          <ul className={styles.alerts}>
            {alerts.map((a) => {
              if (a.kind === 'queue_unserved') {
                return (
                  <li key={`u-${a.service.id}`} className={`${styles.alert} ${styles.alertDanger}`} data-kind={a.kind}>
                    <span className={styles.alertTitle}>{t('alerts.unservedTitle', { service: name(a.service) })}</span>
                    <span>
                      {t('alerts.unservedText', { waiting: a.waiting })}
                      {a.pausedCounters > 0 && ` ${t('alerts.pausedCounters', { count: a.pausedCounters })}`}
                    </span>
                  </li>
                );
              }
              if (a.kind === 'wait_over_target') {
                return (
                  <li key={`w-${a.service.id}`} className={`${styles.alert} ${styles.alertWarn}`} data-kind={a.kind}>
                    <span className={styles.alertTitle}>{t('alerts.waitTitle', { service: name(a.service) })}</span>
                    <span>
                      {t('alerts.waitText', {
                        minutes: a.oldestWaitMinutes,
                        target: a.service.targetWaitMinutes,
                        waiting: a.waiting,
                      })}
                    </span>
                  </li>
                );
              }
              const p = a.printer;
              const status =
                p.printMode === 'agent' && p.agentConnected === false && p.status !== 'paper_out' ? 'agentGone' : p.status;
              return (
                <li
                  key={`p-${p.kioskId}`}
                  className={`${styles.alert} ${p.status === 'paper_low' ? styles.alertWarn : styles.alertDanger}`}
                  data-kind={a.kind}
                >
                  <span className={styles.alertTitle}>{t('alerts.printerTitle', { kiosk: p.name })}</span>
                  <span>
                    {t(`alerts.printer.${status}`)}
                    {p.detail ? ` (${p.detail})` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
