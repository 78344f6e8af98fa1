import { createStaffInput } from '@/contract/admin/staff';
import { ADMINS, json, staffRoute } from '@/server/http/route';
import { adminCreateStaff, adminListStaff } from '@/server/staff/admin';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, {}, () => adminListStaff());

export const POST = staffRoute(ADMINS, { body: createStaffInput }, async ({ actor, body }) =>
  json(await adminCreateStaff(actor, body), 201),
);
