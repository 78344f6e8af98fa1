import { documentParams } from '@/contract/portal';
import { portalCaller } from '@/server/http/portal-caller';
import { downloadResponse } from '@/server/http/download';
import { route } from '@/server/http/route';
import { documentFile } from '@/server/procedures/documents';

export const dynamic = 'force-dynamic';

export const GET = route({ params: documentParams }, async ({ req, params }) => {
  const file = await documentFile(params.id, params.documentId, await portalCaller(req));
  return downloadResponse(file);
});
