'use client';
import { StaffLoginForm } from '../ui/StaffLoginForm';
import { errorNotice } from './errors';
import styles from './counter.module.css';
import { NoticeBox } from './NoticeBox';
import type { Notice } from './types';

export function LoginForm({
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
      scope="counter"
      styles={styles}
      notice={<NoticeBox notice={notice} />}
      onError={(err) =>
        onNotice(err === null ? null : err === 'missing' ? { kind: 'error', key: 'login.missing' } : errorNotice(err))
      }
      onLoggedIn={onLoggedIn}
    />
  );
}
