'use client';
/** Pieces the citizen's procedure screens and the public tracking page share: status, legal clock, timeline. */
import { useFormatter, useTranslations } from 'use-intl';
import type { ProcedureStatus } from '../contract/enums';
import type { ProcedureView } from '../contract/portal';
import { clockText } from './clock-text';
import styles from './portal.module.css';

type Clock = ProcedureView['clock'];
type TimelineEvent = Pick<ProcedureView['events'][number], 'type' | 'at' | 'toStatus'> &
  Partial<Pick<ProcedureView['events'][number], 'by' | 'citizenNote'>>;

const statusClass: Record<ProcedureStatus, string> = {
  submitted: styles.statusSubmitted,
  in_progress: styles.statusProgress,
  waiting_citizen: styles.statusWaiting,
  completed: styles.statusDone,
  rejected: styles.statusRejected,
  withdrawn: styles.statusWithdrawn,
};

export function StatusBadge({ status, testId }: { status: ProcedureStatus; testId?: string }) {
  const t = useTranslations('citizenPortal');
  return (
    <span className={`${styles.status} ${statusClass[status]}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** Days left on the legal clock, "paused: waiting for you" while stopped, nothing once closed. */
export function ClockLine({ clock, testId }: { clock: Clock; testId?: string }) {
  const t = useTranslations('citizenPortal');
  const text = clockText(t, clock);
  if (text === null || clock.daysLeft === null) return null;
  const tone = clock.paused ? styles.clockPaused : clock.daysLeft < 0 ? styles.clockOverdue : styles.clock;
  return (
    <p className={tone} data-testid={testId} data-paused={clock.paused}>
      {text}
    </p>
  );
}

/** The procedure's events, oldest first; the notes and the clerk's name only where the citizen may read them. */
export function Timeline({ events, titleId }: { events: TimelineEvent[]; titleId: string }) {
  const t = useTranslations('citizenPortal');
  const format = useFormatter();
  return (
    <section aria-labelledby={titleId} className={styles.section}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {t('timeline.title')}
      </h2>
      <ol className={styles.timeline} data-testid="portal-timeline">
        {events.map((e, i) => (
          <li key={`${e.at}-${i}`} className={styles.event} data-type={e.type}>
            <span className={styles.eventDot} aria-hidden="true" />
            <div className={styles.eventBody}>
              <p className={styles.eventTitle}>{t(`event.${e.type}`)}</p>
              <p className={styles.eventMeta}>
                <time dateTime={e.at}>{format.dateTime(new Date(e.at), { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {e.by ? <> · {t('timeline.by', { name: e.by })}</> : null}
              </p>
              {e.citizenNote ? (
                <blockquote className={e.by ? styles.noteOffice : styles.noteCitizen}>
                  <p className={styles.noteWho}>{e.by ? t('timeline.officeNote') : t('timeline.yourNote')}</p>
                  <p className={styles.noteText}>{e.citizenNote}</p>
                </blockquote>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
