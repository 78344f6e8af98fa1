import { AdminOnly } from '../../../../admin/config/AdminOnly';
import { DisplaysConfig } from '../../../../admin/config/DisplaysConfig';

export default function AdminDisplaysPage() {
  return (
    <AdminOnly>
      <DisplaysConfig />
    </AdminOnly>
  );
}
