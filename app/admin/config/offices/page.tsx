import { AdminOnly } from '../../../../admin/config/AdminOnly';
import { OfficesConfig } from '../../../../admin/config/OfficesConfig';

export default function AdminOfficesPage() {
  return (
    <AdminOnly>
      <OfficesConfig />
    </AdminOnly>
  );
}
