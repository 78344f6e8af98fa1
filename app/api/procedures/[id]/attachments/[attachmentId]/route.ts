import { attachmentParams } from '@/contract/portal';
import { portalCaller } from '@/server/http/portal-caller';
import { downloadResponse } from '@/server/http/download';
import { route } from '@/server/http/route';
import { attachmentFile } from '@/server/procedures/attachments';

export const dynamic = 'force-dynamic';

export const GET = route({ params: attachmentParams }, async ({ req, params }) => {
  const file = await attachmentFile(params.id, params.attachmentId, await portalCaller(req));
  return downloadResponse(file);
});
