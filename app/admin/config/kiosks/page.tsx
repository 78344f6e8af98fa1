import { AdminOnly } from '../../../../admin/config/AdminOnly';
import { KiosksConfig } from '../../../../admin/config/KiosksConfig';

export default function AdminKiosksPage() {
  return (
    <AdminOnly>
      <KiosksConfig />
    </AdminOnly>
  );
}
