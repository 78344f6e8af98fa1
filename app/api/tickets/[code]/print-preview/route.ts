import { previewQuery } from '@/contract/kiosks';
import { publicCodeParam } from '@/contract/tickets';
import { route } from '@/server/http/route';
import { htmlResponse, ticketPreviewHtml } from '@/server/printing/preview';

export const dynamic = 'force-dynamic';

export const GET = route({ params: publicCodeParam, query: previewQuery }, async ({ params, query }) =>
  htmlResponse(await ticketPreviewHtml(params.code, query)),
);
