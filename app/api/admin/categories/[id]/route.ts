import { updateCategoryInput } from '@/contract/admin/catalog';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminUpdateCategory } from '@/server/categories/admin';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateCategoryInput }, ({ actor, params, body }) =>
  adminUpdateCategory(actor, params.id, body),
);
