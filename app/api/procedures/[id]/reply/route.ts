import { procedureReplyInput } from '@/contract/portal';
import { requireCitizen } from '@/server/citizens/session';
import { idParam, route } from '@/server/http/route';
import { citizenAction } from '@/server/procedures/actions';

export const dynamic = 'force-dynamic';

export const POST = route({ params: idParam, body: procedureReplyInput }, async ({ req, params, body }) =>
  citizenAction(params.id, 'replied', await requireCitizen(req), body),
);
