import { route } from '@/server/http/route';
import { htmlResponse, previewQuery, ticketPreviewHtml } from '@/server/printing/preview';
import { publicCodeParam } from '@/server/tickets/params';

export const dynamic = 'force-dynamic';

export const GET = route({ params: publicCodeParam, query: previewQuery }, async ({ params, query }) =>
  htmlResponse(await ticketPreviewHtml(params.code, query)),
);
