import { createOfficeInput } from '@/contract/admin/offices';
import { adminCreateOffice, adminListOffices } from '@/server/offices/admin';
import { ADMINS, json, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, {}, () => adminListOffices());

export const POST = staffRoute(ADMINS, { body: createOfficeInput }, async ({ actor, body }) =>
  json(await adminCreateOffice(actor, body), 201),
);
