import { formInput } from '@/contract/forms';
import { formOfService, saveForm } from '@/server/forms/store';
import { ADMINS, idParam, staffRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(ADMINS, { params: idParam }, ({ params }) => formOfService(params.id));

export const PUT = staffRoute(ADMINS, { params: idParam, body: formInput }, ({ actor, params, body }) =>
  saveForm(actor, params.id, body),
);
