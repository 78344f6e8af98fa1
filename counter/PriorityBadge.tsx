'use client';
import { useTranslations } from 'use-intl';
import styles from './counter.module.css';
import type { Priority } from '../contract/enums';

const cls: Record<Priority, string> = {
  none: '',
  disability: 'prioDisability',
  pregnancy: 'prioPregnancy',
  elderly: 'prioElderly',
  appointment: 'prioAppointment',
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useTranslations('counter');
  if (priority === 'none') return null;
  return (
    <span className={`${styles.badge} ${styles[cls[priority]]}`} data-priority={priority}>
      {t(`priority.${priority}`)}
    </span>
  );
}
