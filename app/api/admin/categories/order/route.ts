import { reorderCategoriesInput } from '@/contract/admin/catalog';
import { ADMINS, staffRoute } from '@/server/http/route';
import { adminReorderCategories } from '@/server/categories/admin';

export const dynamic = 'force-dynamic';

export const PUT = staffRoute(ADMINS, { body: reorderCategoriesInput }, ({ actor, body }) =>
  adminReorderCategories(actor, body.ids),
);
