import { AdminOnly } from '../../../../admin/config/AdminOnly';
import { StaffConfig } from '../../../../admin/config/StaffConfig';

export default function AdminStaffPage() {
  return (
    <AdminOnly>
      <StaffConfig />
    </AdminOnly>
  );
}
