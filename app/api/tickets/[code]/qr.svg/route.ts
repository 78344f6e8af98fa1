import { publicCodeParam } from '@/contract/tickets';
import { route } from '@/server/http/route';
import { ticketQrSvg } from '@/server/tickets/qr';

export const dynamic = 'force-dynamic';

export const GET = route(
  { params: publicCodeParam },
  async ({ params }) =>
    new Response(await ticketQrSvg(params.code), {
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=86400' },
    }),
);
