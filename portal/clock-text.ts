import type { ProcedureView } from '../contract/portal';

type Translate = (key: 'clock.paused' | 'clock.overdue' | 'clock.left', values?: { days: number }) => string;

/** The legal clock in words ("paused: waiting for you", days left or overdue); null once closed. */
export function clockText(t: Translate, clock: ProcedureView['clock']): string | null {
  if (clock.daysLeft === null) return null;
  if (clock.paused) return t('clock.paused');
  return clock.daysLeft < 0 ? t('clock.overdue', { days: -clock.daysLeft }) : t('clock.left', { days: clock.daysLeft });
}
