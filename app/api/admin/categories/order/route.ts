import { ADMINS, staffRoute } from '@/server/http/route';
import { adminReorderCategories, reorderCategoriesInput } from '@/server/admin/config';

export const dynamic = 'force-dynamic';

export const PUT = staffRoute(ADMINS, { body: reorderCategoriesInput }, ({ actor, body }) =>
  adminReorderCategories(actor, body.ids),
);
