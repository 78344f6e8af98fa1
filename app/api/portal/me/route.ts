import { citizenView, requireCitizen } from '@/server/citizens/session';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({}, async ({ req }) => {
  const { citizen, identity } = await requireCitizen(req);
  return citizenView(citizen, identity);
});
