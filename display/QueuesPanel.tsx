'use client';
import type { ReactNode } from 'react';
import type { QueueInfo } from '../contract/queues';
import type { DisplayWalkIn } from '../contract/display';
import type { LanguageCode } from '../i18n/languages';
import { opensAgain } from '../ui/opensAgain';
import { useNow } from '../ui/time';
import { queueRows, visibleQueues } from './calls';
import { SecondLine, type DisplayT, type Texts } from './texts';
import styles from './display.module.css';

/** Rows in the per-service panel before the rest is summarised in one line. */
const MAX_QUEUE_ROWS = 10;
/** Fewer rows under the "office closed" notice, so it never pushes them out of the panel. */
const MAX_QUEUE_ROWS_CLOSED = 6;

const CLOSED_KEY = { opensToday: 'closedOpensToday', opensTomorrow: 'closedOpensTomorrow', opensOn: 'closedOpensOn' } as const;

/** "Ufficio chiuso — riapre domani alle 8:30", in one language, in the office's own time. */
function closedText(t: DisplayT, lang: LanguageCode, nextOpensAt: string | undefined, timeZone: string, now: Date): string {
  const when = opensAgain(lang, nextOpensAt, timeZone, now);
  return when.key === 'noNext' ? t('closedNoNext') : t(CLOSED_KEY[when.key], when.values);
}

/** Waiting people and estimated waits per service; when closed for walk-ins, says so first. */
export function QueuesPanel({
  queues,
  closed,
  texts,
}: {
  queues: QueueInfo[];
  /** Set while the office issues no walk-in tickets (calls go on: clerks may still be serving). */
  closed: { walkIn: DisplayWalkIn; timeZone: string; clockOffset: number } | null;
  texts: Texts;
}) {
  const { bi, tIt, tSec, secondary } = texts;
  const {
    shown: shownQueues,
    hiddenBusy,
    hiddenIdle,
  } = queueRows(visibleQueues(queues), closed ? MAX_QUEUE_ROWS_CLOSED : MAX_QUEUE_ROWS);
  return (
    <section className={styles.queues} aria-labelledby="display-queues-h">
      <h2 id="display-queues-h" className={styles.sectionTitle}>
        {bi('queuesTitle', undefined, true)}
      </h2>
      {closed && <ClosedNotice closed={closed} texts={texts} />}
      {shownQueues.length === 0 ? (
        <p className={styles.empty}>{bi('noQueues')}</p>
      ) : (
        <table className={styles.queueTable}>
          <thead>
            <tr>
              <th scope="col" className={styles.thService}>
                {bi('service')}
              </th>
              <th scope="col" className={styles.thNum}>
                {bi('waiting')}
              </th>
              <th scope="col" className={styles.thNum}>
                {bi('estimatedWait')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shownQueues.map((q) => (
              <tr key={q.serviceId} data-testid={`display-queue-${q.serviceId}`} className={styles.queueRow}>
                <th scope="row">
                  <span className={styles.queueService}>
                    <span className={styles.prefix} aria-hidden="true">
                      {q.prefix}
                    </span>
                    <span className={styles.queueNames}>
                      <span lang="it" className={styles.queueNamePrimary}>
                        {q.name.it}
                      </span>
                      <SecondLine text={q.name} lang={secondary} className={styles.queueNameSec} />
                    </span>
                  </span>
                </th>
                <td className={styles.queueWaiting}>
                  <span className={styles.queueWaitingValue}>{q.waiting}</span>
                </td>
                <td className={styles.queueWait}>{waitText(q, tIt, tSec, secondary)}</td>
              </tr>
            ))}
            {hiddenBusy > 0 && (
              <tr className={styles.queueMore}>
                <td colSpan={3}>{bi('moreServices', { count: hiddenBusy }, true)}</td>
              </tr>
            )}
            {hiddenIdle > 0 && (
              <tr className={styles.queueMore}>
                <td colSpan={3}>{bi('moreNoWait', { count: hiddenIdle }, true)}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The closed notice, on the server's clock (refreshed every half minute: "today" becomes "tomorrow"). */
function ClosedNotice({
  closed,
  texts,
}: {
  closed: { walkIn: DisplayWalkIn; timeZone: string; clockOffset: number };
  texts: Texts;
}) {
  const { bi, tIt, tSec, secondary } = texts;
  const now = new Date(useNow(30_000) + closed.clockOffset);
  return (
    <div className={styles.closed} role="status" data-testid="display-closed">
      <p className={styles.closedTitle}>
        <span lang="it" className={styles.primary}>
          {closedText(tIt, 'it', closed.walkIn.nextOpensAt, closed.timeZone, now)}
        </span>
        {tSec && secondary && (
          <span lang={secondary} className={styles.closedTitleSec}>
            {closedText(tSec, secondary, closed.walkIn.nextOpensAt, closed.timeZone, now)}
          </span>
        )}
      </p>
      <p className={styles.closedHint}>{bi('closedHint')}</p>
    </div>
  );
}

function waitText(q: QueueInfo, tIt: DisplayT, tSec: DisplayT | null, secondary: LanguageCode | null): ReactNode {
  if (q.waiting === 0) {
    return (
      <>
        <span lang="it">{tIt('noWait')}</span>
        {tSec && secondary && (
          <span lang={secondary} className={styles.secondary}>
            {tSec('noWait')}
          </span>
        )}
      </>
    );
  }
  // The range that held the real wait in most past cases (its median is estimatedWaitMinutes).
  const max = Math.max(0, Math.round(q.estimatedWaitMaxMinutes));
  const min = Math.max(0, Math.min(max, Math.round(q.estimatedWaitMinMinutes)));
  return min === max ? tIt('waitExact', { max }) : tIt('waitBand', { min, max });
}
