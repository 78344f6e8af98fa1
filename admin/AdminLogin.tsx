'use client';
import { StaffLoginForm } from '../ui/StaffLoginForm';
import styles from './admin.module.css';
import { errorNotice, NoticeBox, type Notice } from './notice';

/** Staff login for the supervision screens (same API and session cookie as the counter screen). */
export function AdminLogin({
  notice,
  onNotice,
  onLoggedIn,
}: {
  notice: Notice | null;
  onNotice: (n: Notice | null) => void;
  onLoggedIn: () => Promise<void>;
}) {
  return (
    <StaffLoginForm
      scope="admin"
      styles={styles}
      notice={<NoticeBox notice={notice} />}
      onError={(err) =>
        onNotice(err === null ? null : err === 'missing' ? { kind: 'error', key: 'login.missing' } : errorNotice(err))
      }
      onLoggedIn={onLoggedIn}
    />
  );
}
