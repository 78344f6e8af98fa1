'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import styles from '../admin.module.css';
import { useAdmin } from '../context';

/** Configuration and audit pages are for admins; a supervisor gets a short explanation. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const t = useTranslations('admin');
  const { me } = useAdmin();
  if (me.staff.role !== 'admin') {
    return (
      <main className={styles.main}>
        <h1 className={styles.h1}>{t('denied.title')}</h1>
        <p data-testid="admin-config-denied">{t('nav.configurationAdminOnly')}</p>
      </main>
    );
  }
  return <>{children}</>;
}
