import { AdminOnly } from '../../../../admin/config/AdminOnly';
import { ServicesConfig } from '../../../../admin/config/ServicesConfig';

export default function AdminServicesPage() {
  return (
    <AdminOnly>
      <ServicesConfig />
    </AdminOnly>
  );
}
