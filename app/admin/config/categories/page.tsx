import { AdminOnly } from '../../../../admin/config/AdminOnly';
import { CategoriesConfig } from '../../../../admin/config/CategoriesConfig';

export default function AdminCategoriesPage() {
  return (
    <AdminOnly>
      <CategoriesConfig />
    </AdminOnly>
  );
}
