import { createCategoryInput } from '@/contract/admin/catalog';
import { ADMINS, json, staffRoute } from '@/server/http/route';
import { adminCreateCategory, adminListCategories } from '@/server/categories/admin';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, {}, () => adminListCategories());

export const POST = staffRoute(ADMINS, { body: createCategoryInput }, async ({ actor, body }) =>
  json(await adminCreateCategory(actor, body), 201),
);
