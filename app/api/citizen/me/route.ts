import { updateCitizenInput } from '@/contract/portal';
import { citizenView, requireCitizen, setCitizenLanguage } from '@/server/citizens/session';
import { route } from '@/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({}, async ({ req }) => {
  const { citizen, identity } = await requireCitizen(req);
  return citizenView(citizen, identity);
});

export const PATCH = route({ body: updateCitizenInput }, async ({ req, body }) =>
  setCitizenLanguage(await requireCitizen(req), body.lang),
);
