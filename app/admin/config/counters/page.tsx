import { AdminOnly } from '../../../../admin/config/AdminOnly';
import { CountersConfig } from '../../../../admin/config/CountersConfig';

export default function AdminCountersPage() {
  return (
    <AdminOnly>
      <CountersConfig />
    </AdminOnly>
  );
}
