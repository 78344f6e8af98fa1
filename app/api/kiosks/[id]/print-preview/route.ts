import { previewQuery } from '@/contract/kiosks';
import { idParam, staffRoute, SUPERVISORS } from '@/server/http/route';
import { htmlResponse, kioskPreviewHtml } from '@/server/printing/preview';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(SUPERVISORS, { params: idParam, query: previewQuery }, async ({ params, query }) =>
  htmlResponse(await kioskPreviewHtml(params.id, query)),
);
