'use client';
import type { CallInfo } from '../contract/display';
import { isPlainCounterName } from '../ui/counterName';
import type { Texts } from './texts';
import styles from './display.module.css';

/** The call on top (big, flashing while new) and the previous ones. */
export function CallsPanel({ calls, flashSeq, texts }: { calls: CallInfo[]; flashSeq: number | null; texts: Texts }) {
  const { bi, tIt } = texts;
  const [current, ...previous] = calls;
  const flashing = current !== undefined && current.seq === flashSeq;
  return (
    <>
      <section className={styles.current} aria-labelledby="display-current-h">
        <h2 id="display-current-h" className={styles.sectionTitle}>
          {bi('nowCalling', undefined, true)}
        </h2>
        {current ? (
          <div
            key={current.seq}
            data-testid="display-current-call"
            data-number={current.number}
            data-counter={current.counterNumber}
            className={`${styles.currentCall} ${flashing ? styles.flash : ''}`}
          >
            <div data-testid={`display-call-${current.number}`} className={styles.currentRow}>
              <div className={styles.cell}>
                <span className={styles.cellLabel}>{bi('number', undefined, true)}</span>
                <span className={styles.bigNumber}>{current.number}</span>
              </div>
              <span className={styles.bigArrow} aria-hidden="true">
                ➜
              </span>
              <div className={styles.cell}>
                <span className={styles.cellLabel}>{bi('counter', undefined, true)}</span>
                <span className={styles.bigNumber}>{current.counterNumber}</span>
                {!isPlainCounterName(current.counterName, current.counterNumber) && (
                  <span className={styles.counterName}>{current.counterName}</span>
                )}
              </div>
            </div>
            {current.recall && <span className={styles.recallTag}>{bi('recall', undefined, true)}</span>}
          </div>
        ) : (
          <p className={styles.empty}>{bi('noCalls')}</p>
        )}
      </section>

      <section className={styles.history} aria-labelledby="display-history-h">
        <h2 id="display-history-h" className={styles.sectionTitle}>
          {bi('lastCalls', undefined, true)}
        </h2>
        {previous.length > 0 && (
          <ol className={styles.historyGrid}>
            {previous.map((c) => (
              <li key={`${c.ticketId}-${c.seq}`} className={styles.historyItem} data-testid={`display-call-${c.number}`}>
                <span className={styles.historyNumber}>{c.number}</span>
                <span className={styles.historyArrow} aria-hidden="true">
                  ➜
                </span>
                <span className={styles.historyCounter}>
                  <span className="visually-hidden">{tIt('counter')} </span>
                  {c.counterNumber}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
