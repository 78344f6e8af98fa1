'use client';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';

/** The header cell above a list's row buttons: named for screen readers only (an empty header fails axe). */
export function ActionsHeader() {
  const t = useTranslations('admin');
  return (
    <th scope="col">
      <span className={styles.srOnly}>{t('config.actions')}</span>
    </th>
  );
}
