import { documentParams } from '@/contract/portal';
import { portalCaller } from '@/server/http/portal-caller';
import { route } from '@/server/http/route';
import { documentFile } from '@/server/procedures/documents';

export const dynamic = 'force-dynamic';

export const GET = route({ params: documentParams }, async ({ req, params }) => {
  const file = await documentFile(params.id, params.documentId, await portalCaller(req));
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      // Always a download, never shown inline in the app's origin.
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
});
