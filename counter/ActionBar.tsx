'use client';
import { useTranslations } from 'use-intl';
import type { CounterState } from '../contract/enums';
import { ActionButton } from './ActionButton';
import styles from './counter.module.css';
import type { Action, Busy } from './work';

/** The clerk's action buttons, each with its keyboard shortcut. */
export function ActionBar({
  can,
  on,
  busy,
  state,
}: {
  can: Record<Action, boolean>;
  on: Record<Action, () => void>;
  busy: Busy | null;
  state: CounterState;
}) {
  const t = useTranslations('counter');
  return (
    <div className={styles.actions} role="group" aria-label={t('actions.label')}>
      <ActionButton
        label={t('actions.callNext')}
        keys={['N', t('keys.space')]}
        ariaKeys="N Space"
        onClick={on.callNext}
        disabled={!can.callNext}
        busy={busy === 'callNext'}
        variant="primary"
        testId="counter-call-next"
      />
      <ActionButton
        label={t('actions.recall')}
        keys={['R']}
        ariaKeys="R"
        onClick={on.recall}
        disabled={!can.recall}
        busy={busy === 'recall'}
        testId="counter-recall"
      />
      <ActionButton
        label={t('actions.start')}
        keys={['S']}
        ariaKeys="S"
        onClick={on.start}
        disabled={!can.start}
        busy={busy === 'start'}
        variant="primary"
        testId="counter-start"
      />
      <ActionButton
        label={t('actions.complete')}
        keys={['C']}
        ariaKeys="C"
        onClick={on.complete}
        disabled={!can.complete}
        busy={busy === 'complete'}
        variant="primary"
        testId="counter-complete"
      />
      <ActionButton
        label={t('actions.noShow')}
        keys={['X']}
        ariaKeys="X"
        onClick={on.noShow}
        disabled={!can.noShow}
        busy={busy === 'noShow'}
        variant="danger"
        testId="counter-no-show"
      />
      <ActionButton
        label={t('actions.transfer')}
        keys={['T']}
        ariaKeys="T"
        onClick={on.transfer}
        disabled={!can.transfer}
        busy={busy === 'transfer'}
        testId="counter-transfer"
      />
      <ActionButton
        label={state === 'paused' ? t('actions.resume') : t('actions.pause')}
        keys={['P']}
        ariaKeys="P"
        onClick={on.pause}
        disabled={!can.pause}
        busy={busy === 'pause'}
        variant="warning"
        testId="counter-pause"
      />
      <ActionButton
        label={t('actions.close')}
        keys={['Q']}
        ariaKeys="Q"
        onClick={on.close}
        disabled={!can.close}
        busy={busy === 'close'}
        testId="counter-close"
      />
      <ActionButton
        label={t('actions.book')}
        keys={['B']}
        ariaKeys="B"
        onClick={on.book}
        disabled={!can.book}
        testId="counter-book"
      />
      <ActionButton
        label={t('actions.procedure')}
        keys={['O']}
        ariaKeys="O"
        onClick={on.procedure}
        disabled={!can.procedure}
        testId="counter-procedure"
      />
    </div>
  );
}
