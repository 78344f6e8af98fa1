import { AdminOnly } from '../../../admin/config/AdminOnly';
import { AuditLogView } from '../../../admin/config/AuditLogView';

export default function AdminAuditPage() {
  return (
    <AdminOnly>
      <AuditLogView />
    </AdminOnly>
  );
}
