import { portalCaller } from '@/server/http/portal-caller';
import { json, route } from '@/server/http/route';
import { uploadAttachment } from '@/server/procedures/attachments';

export const dynamic = 'force-dynamic';

export const POST = route({ rateLimit: 'uploads' }, async ({ req }) =>
  json(await uploadAttachment(req, await portalCaller(req)), 201),
);
