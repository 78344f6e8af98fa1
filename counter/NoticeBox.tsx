'use client';
import type { Notice } from '../ui/staff/notice';
import { NoticeBox as StaffNoticeBox } from '../ui/staff/NoticeBox';

/** The single message line of a clerk's view (`counter-message`); one component with the admin's, see ui/staff/NoticeBox. */
export function NoticeBox({ notice, onDismiss }: { notice: Notice | null; onDismiss?: () => void }) {
  return <StaffNoticeBox namespace="counter" notice={notice} onDismiss={onDismiss} testId="counter-message" reserved />;
}
