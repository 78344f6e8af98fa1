import { ADMINS, idParam, staffRoute } from '@/server/http/route';
import { adminUpdateCategory } from '@/server/categories/admin';
import { updateCategoryInput } from '@/server/categories/inputs';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute(ADMINS, { params: idParam, body: updateCategoryInput }, ({ actor, params, body }) =>
  adminUpdateCategory(actor, params.id, body),
);
