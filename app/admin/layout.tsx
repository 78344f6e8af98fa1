import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminShell } from '../../admin/AdminShell';

export const metadata: Metadata = { title: 'Sportello – supervisione', robots: { index: false, follow: false } };

/** Supervision and administration; the shell (login, navigation, office) lives in admin/. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <AdminShell>{children}</AdminShell>;
}
